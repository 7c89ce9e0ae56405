package org.pymemlab.frontend.interp;

/**
 * mappingproxy (descrobject.c): a read-only view of a mapping, what a class's {@code __dict__} and
 * {@code types.MappingProxyType(m)} give. It holds the mapping (a GC object of 24 bytes, 40 with the GC
 * header) and answers every read from it; assignment and deletion are refused by the proxy's type.
 */
final class MappingProxies {

    private MappingProxies() {
    }

    /** A proxy of the mapping (borrowed). New reference. */
    static long create(Interp in, long mapping) {
        long proxy = in.os.newHostObject(in.tMappingProxy);
        in.os.setHostSlot(proxy, 0, mapping);
        return proxy;
    }

    /** mappingproxy(mapping): a dict, or an object with the mapping protocol (not a list or tuple). */
    static long construct(Interp in, long[] args, String[] kw) {
        long mapping = Methods.arg(args, kw, 0, "mapping");
        if (mapping == 0 || Builtins.npos(args, kw) + (kw == null ? 0 : kw.length) != 1) {
            throw in.typeError("mappingproxy() missing required argument 'mapping' (pos 1)");
        }
        if (!Exec.isMapping(in, mapping)) {
            throw in.typeError("mappingproxy() argument must be a mapping, not " + in.classOf(mapping).name);
        }
        return create(in, mapping);
    }

    /** The proxied mapping. Borrowed. */
    static long mapping(Interp in, long proxy) {
        return in.os.hostSlot(proxy, 0);
    }

    /** The read methods, each the mapping's own called through the proxy. New reference, or 0 for another name. */
    static long attribute(Interp in, long proxy, String name) {
        return switch (name) {
            case "get", "keys", "values", "items", "copy" -> in.newBuiltin(name, proxy, (i, self, a, kw) -> {
                long[] owned = a.clone();
                for (long x : owned) {
                    i.incref(x);
                }
                return i.callAttr(i.incref(mapping(i, self)), name, owned, kw);
            });
            case "__class__" -> in.incref(in.tMappingProxy);
            default -> 0;
        };
    }
}
