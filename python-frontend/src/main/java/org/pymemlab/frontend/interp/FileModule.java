package org.pymemlab.frontend.interp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code _pymemio}: the file primitives the bundled {@code io} module's file objects are written on (open(),
 * read, write, seek, tell, close of a descriptor) and those of the bundled {@code os} (stat, listdir, remove,
 * mkdir, rmdir, rename, getcwd, getpid, the environment), with CPython's OSError subclasses and messages for a
 * file that is missing, a directory, refused or already there. Descriptors are this interpreter's own numbers.
 */
final class FileModule {

    private FileModule() {
    }

    static long create(Interp in) {
        Map<Long, FileChannel> files = new HashMap<>();
        long[] next = {3}; // after stdin, stdout and stderr, as a process's first open() gives
        long mod = Modules.newModule(in, "_pymemio");
        Modules.fn(in, mod, "open", (i, s, a, kw) -> {
            String path = i.m.strValue(a[0]);
            String mode = i.m.strValue(a[1]);
            FileChannel channel = open(i, path, mode);
            long fd = next[0]++;
            files.put(fd, channel);
            return i.newInt(fd);
        });
        Modules.fn(in, mod, "read", (i, s, a, kw) -> {
            FileChannel channel = channel(i, files, a[0]);
            long n = i.m.intValue(a[1]);
            try {
                long available = Math.max(0, channel.size() - channel.position());
                int size = (int) Math.min(n < 0 ? available : Math.min(n, available), Integer.MAX_VALUE - 8);
                ByteBuffer buffer = ByteBuffer.allocate(size);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // until the wanted bytes are in, or the end
                }
                return i.m.newBytes(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
            } catch (IOException e) {
                throw ioError(i, e, null);
            }
        });
        Modules.fn(in, mod, "write", (i, s, a, kw) -> {
            FileChannel channel = channel(i, files, a[0]);
            byte[] data = i.m.bytesValue(a[1]);
            try {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                return i.newInt(data.length);
            } catch (IOException e) {
                throw ioError(i, e, null);
            }
        });
        Modules.fn(in, mod, "seek", (i, s, a, kw) -> {
            FileChannel channel = channel(i, files, a[0]);
            long offset = i.m.intValue(a[1]);
            long whence = i.m.intValue(a[2]);
            try {
                long base = whence == 0 ? 0 : whence == 1 ? channel.position() : channel.size();
                if (base + offset < 0) {
                    throw i.error("OSError", "[Errno 22] Invalid argument");
                }
                channel.position(base + offset);
                return i.newInt(channel.position());
            } catch (IOException e) {
                throw ioError(i, e, null);
            }
        });
        Modules.fn(in, mod, "tell", (i, s, a, kw) -> {
            try {
                return i.newInt(channel(i, files, a[0]).position());
            } catch (IOException e) {
                throw ioError(i, e, null);
            }
        });
        Modules.fn(in, mod, "truncate", (i, s, a, kw) -> {
            try {
                FileChannel channel = channel(i, files, a[0]);
                channel.truncate(i.m.intValue(a[1]));
                return i.newInt(channel.size());
            } catch (IOException e) {
                throw ioError(i, e, null);
            }
        });
        Modules.fn(in, mod, "close", (i, s, a, kw) -> {
            FileChannel channel = files.remove(i.m.intValue(a[0]));
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    throw ioError(i, e, null);
                }
            }
            return i.none;
        });
        osPrimitives(in, mod);
        return mod;
    }

    /** What the bundled os module asks of the file system and the process. */
    private static void osPrimitives(Interp in, long mod) {
        // stat(path) -> (kind, size, mtime): kind 0 a file, 1 a directory, 2 anything else
        Modules.fn(in, mod, "stat", (i, s, a, kw) -> {
            String path = i.m.strValue(a[0]);
            Path p = path(i, path, "stat");
            try {
                var attributes = java.nio.file.Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                long kind = attributes.isRegularFile() ? 0 : attributes.isDirectory() ? 1 : 2;
                long[] items = {i.newInt(kind), i.newInt(attributes.size()),
                    i.m.newFloat(attributes.lastModifiedTime().toMillis() / 1000.0)};
                try {
                    return i.m.newTuple(items);
                } finally {
                    i.release(items);
                }
            } catch (IOException e) {
                throw ioError(i, e, path);
            }
        });
        Modules.fn(in, mod, "listdir", (i, s, a, kw) -> {
            String path = i.m.strValue(a[0]);
            Path p = path(i, path, "listdir");
            requireDirectory(i, p, path);
            try (var entries = java.nio.file.Files.list(p)) {
                long list = i.m.newList();
                for (Path e : (Iterable<Path>) entries::iterator) {
                    long name = i.newStr(e.getFileName().toString());
                    i.m.listAppend(list, name);
                    i.m.decref(name);
                }
                return list;
            } catch (IOException e) {
                throw ioError(i, e, path);
            }
        });
        Modules.fn(in, mod, "remove", (i, s, a, kw) -> {
            String path = i.m.strValue(a[0]);
            Path p = path(i, path, "remove");
            if (java.nio.file.Files.isDirectory(p)) {
                throw osError(i, 21, "Is a directory", path);
            }
            try {
                java.nio.file.Files.delete(p);
                return i.none;
            } catch (IOException e) {
                throw ioError(i, e, path);
            }
        });
        Modules.fn(in, mod, "mkdir", (i, s, a, kw) -> {
            String path = i.m.strValue(a[0]);
            try {
                java.nio.file.Files.createDirectory(path(i, path, "mkdir"));
                return i.none;
            } catch (IOException e) {
                throw ioError(i, e, path);
            }
        });
        Modules.fn(in, mod, "rmdir", (i, s, a, kw) -> {
            String path = i.m.strValue(a[0]);
            Path p = path(i, path, "rmdir");
            requireDirectory(i, p, path);
            try {
                java.nio.file.Files.delete(p);
                return i.none;
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                throw osError(i, 39, "Directory not empty", path);
            } catch (IOException e) {
                throw ioError(i, e, path);
            }
        });
        Modules.fn(in, mod, "rename", (i, s, a, kw) -> {
            String from = i.m.strValue(a[0]);
            try {
                java.nio.file.Files.move(path(i, from, "rename"), path(i, i.m.strValue(a[1]), "rename"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return i.none;
            } catch (IOException e) {
                throw ioError(i, e, from);
            }
        });
        Modules.fn(in, mod, "getcwd", (i, s, a, kw) -> i.newStr(Path.of("").toAbsolutePath().toString()));
        Modules.fn(in, mod, "getpid", (i, s, a, kw) -> i.newInt(ProcessHandle.current().pid()));
        Modules.fn(in, mod, "cpu_count", (i, s, a, kw) -> i.newInt(Runtime.getRuntime().availableProcessors()));
        Modules.fn(in, mod, "environ", (i, s, a, kw) -> {
            long d = i.m.newDict();
            for (var e : System.getenv().entrySet()) {
                long k = i.newStr(e.getKey());
                long v = i.newStr(e.getValue());
                i.m.dictSet(d, k, v);
                i.m.decref(k);
                i.m.decref(v);
            }
            return d;
        });
    }

    /** Opens path for a mode of CPython's: r, w, a or x, with + for both ways (t and b are the caller's). */
    private static FileChannel open(Interp in, String path, String mode) {
        Set<OpenOption> options = new HashSet<>();
        boolean plus = mode.indexOf('+') >= 0;
        switch (mode.replaceAll("[bt+]", "")) {
            case "r" -> options.add(StandardOpenOption.READ);
            case "w" -> {
                options.add(StandardOpenOption.WRITE);
                options.add(StandardOpenOption.CREATE);
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            case "a" -> {
                options.add(StandardOpenOption.WRITE);
                options.add(StandardOpenOption.CREATE);
                options.add(StandardOpenOption.APPEND);
            }
            default -> {
                options.add(StandardOpenOption.WRITE);
                options.add(StandardOpenOption.CREATE_NEW);
            }
        }
        if (plus) {
            options.add(StandardOpenOption.READ);
            options.add(StandardOpenOption.WRITE);
        }
        Path p = path(in, path);
        if (java.nio.file.Files.isDirectory(p)) {
            throw osError(in, 21, "Is a directory", path);
        }
        try {
            return FileChannel.open(p, options);
        } catch (IOException e) {
            throw ioError(in, e, path);
        }
    }

    /** ENOTDIR for a path that exists and is not a directory. */
    private static void requireDirectory(Interp in, Path p, String path) {
        if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isDirectory(p)) {
            throw osError(in, 20, "Not a directory", path);
        }
    }

    /** A path name for open(): one with a NUL in it is CPython's ValueError. */
    private static Path path(Interp in, String name) {
        return path(in, name, null);
    }

    /**
     * A path name as the file system takes it: one with a NUL in it is CPython's ValueError, worded by 3.13's
     * path converter for the os function named (open() keeps the older wording).
     */
    private static Path path(Interp in, String name, String function) {
        if (name.indexOf('\0') >= 0) {
            throw in.error("ValueError", function != null && in.minor >= 13 ? function + ": embedded null character in path"
                    : "embedded null byte");
        }
        try {
            return Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw osError(in, 22, "Invalid argument", name);
        }
    }

    private static FileChannel channel(Interp in, Map<Long, FileChannel> files, long fd) {
        FileChannel channel = files.get(in.m.intValue(fd));
        if (channel == null) {
            throw osError(in, 9, "Bad file descriptor", null);
        }
        return channel;
    }

    /** An I/O failure as the OSError (subclass, by errno) CPython raises for it. */
    private static PyRaise ioError(Interp in, IOException e, String path) {
        if (e instanceof NoSuchFileException) {
            return osError(in, 2, "No such file or directory", path);
        }
        if (e instanceof AccessDeniedException) {
            return osError(in, 13, "Permission denied", path);
        }
        if (e instanceof FileAlreadyExistsException) {
            return osError(in, 17, "File exists", path);
        }
        return osError(in, 5, "Input/output error", path);
    }

    /** OSError(errno, strerror[, filename]): the class OSError's constructor picks for errno. */
    private static PyRaise osError(Interp in, int errno, String strerror, String path) {
        long[] args = path == null ? new long[] {in.newInt(errno), in.newStr(strerror)}
                : new long[] {in.newInt(errno), in.newStr(strerror), in.newStr(path)};
        long exc = in.call(in.osError.address, args, null);
        return new PyRaise(exc);
    }
}
