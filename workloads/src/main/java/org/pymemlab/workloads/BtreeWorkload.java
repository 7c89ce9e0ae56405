package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * The shape of pyperformance's {@code btree} benchmark run for its garbage only: a large tree of instances of
 * a plain class {@code Node} (attributes {@code keys}, a tuple of seeded ints, {@code children}, a list, and
 * with {@code parent-links} a {@code parent} back-reference, which makes every subtree cyclic), bound to the
 * root {@code tree}. Each round replaces a {@code replace-fraction} of the nodes: whole subtrees rooted
 * {@code replace-depth} levels below the root, chosen at random, are rebuilt and stored over the old ones. With
 * parent links the old subtrees are cyclic garbage (leaked by {@code refcount-only}); without them they are
 * freed by reference counting. {@link Mutator#safePoint()} is called after each node built. The tree is
 * released at the end.
 */
@AutoService(Workload.class)
public final class BtreeWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.btree";

    /**
     * @param depth levels of the tree (1 = the root alone)
     * @param branching children per inner node
     * @param keysPerNode ints in each node's {@code keys} tuple
     * @param rounds rounds of replacement
     * @param replaceFraction share of the nodes replaced per round, 0 to 1
     * @param replaceDepth level (below the root) of the subtrees that are replaced
     * @param parentLinks whether each node points back at its parent
     * @param seed seed of the keys and of the subtrees chosen
     */
    record Settings(int depth, int branching, int keysPerNode, int rounds, double replaceFraction, int replaceDepth,
            boolean parentLinks, long seed) {
        static Settings from(Config config) {
            Settings s = new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".depth", 1, 20),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".branching", 1, 64),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".keys-per-node", 0, 64),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".rounds", 0, Integer.MAX_VALUE),
                    TypedSettings.doubleInRange(config, CONFIG_PATH + ".replace-fraction", 0.0, 1.0),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".replace-depth", 1, 19),
                    TypedSettings.bool(config, CONFIG_PATH + ".parent-links"),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
            if (s.replaceDepth() >= s.depth()) {
                throw new org.pymemlab.api.PluginConfigException(CONFIG_PATH + ".replace-depth", s.replaceDepth(),
                        "less than depth (" + s.depth() + ")");
            }
            return s;
        }

        /** Nodes in a complete tree of {@code levels} levels. */
        long nodes(int levels) {
            long count = 0;
            long width = 1;
            for (int i = 0; i < levels; i++) {
                count += width;
                width *= branching;
            }
            return count;
        }
    }

    public BtreeWorkload() {
    }

    @Override
    public String id() {
        return "btree";
    }

    @Override
    public String description() {
        return "pyperformance btree (gc only): a large tree of instances, a fraction of it recreated each round";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        new Program(py, settings).run();
    }

    private static final class Program {
        private final Mutator py;
        private final Settings settings;
        private final Random random;
        private long nodeClass;

        Program(Mutator py, Settings settings) {
            this.py = py;
            this.settings = settings;
            this.random = new Random(settings.seed());
        }

        void run() {
            nodeClass = Roots.bind(py, "Node", py.newClass(ClassSpec.plain("Node")));
            long tree = Roots.bind(py, "tree", build(settings.depth(), 0));
            long subtreeNodes = settings.nodes(settings.depth() - settings.replaceDepth());
            long perRound = Math.round(settings.replaceFraction() * settings.nodes(settings.depth()) / subtreeNodes);
            for (int round = 0; round < settings.rounds(); round++) {
                for (long i = 0; i < perRound; i++) {
                    replaceOne(tree);
                }
            }
            py.delRoot("tree");
        }

        /** Walks {@code replace-depth - 1} random steps down and replaces one random child there. */
        private void replaceOne(long tree) {
            long node = tree;
            for (int level = 1; level < settings.replaceDepth(); level++) {
                long children = py.getAttr(node, "children");
                node = py.listGet(children, random.nextInt((int) py.len(children)));
            }
            long children = py.getAttr(node, "children");
            long fresh = build(settings.depth() - settings.replaceDepth(), node);
            py.listSet(children, random.nextInt((int) py.len(children)), fresh);
            py.decref(fresh);
        }

        /** A complete subtree of {@code levels} levels whose root points at {@code parent} (0: none). New reference. */
        private long build(int levels, long parent) {
            long node = py.newInstance(nodeClass);
            long[] keys = new long[settings.keysPerNode()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = py.newInt(random.nextInt(1_000_000));
            }
            long tuple = py.newTuple(keys);
            for (long key : keys) {
                py.decref(key);
            }
            Roots.setNew(py, node, "keys", tuple);
            if (settings.parentLinks() && parent != 0) {
                py.setAttr(node, "parent", parent);
            }
            long children = py.newList();
            if (levels > 1) {
                for (int i = 0; i < settings.branching(); i++) {
                    Roots.appendNew(py, children, build(levels - 1, node));
                }
            }
            Roots.setNew(py, node, "children", children);
            py.safePoint();
            return node;
        }
    }
}
