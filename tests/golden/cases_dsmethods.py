"""Reference ("golden") cases for the Dataset methods of MindSpore 2.10 that minispore/dataset/dataset_methods.py
adds: ``filter``, ``zip`` (the method and ``mindspore.dataset.zip``), ``split``, ``apply``, ``flat_map``,
``bucket_batch_by_length``, ``num_classes``, ``reset``, ``is_shuffled``/``is_sharded`` and ``save``.

The same code runs under real MindSpore (``gen_dsmethods.py`` records ``dsmethods.json``) and under minispore
(``tests/test_golden_dsmethods.py`` checks against the recording). ``cases(ms, root)`` builds ``(name, thunk)``
pairs on the framework module ``ms``; ``root`` is an empty folder (``make_data``) that ``save`` writes into.

``split(randomize=True)`` draws its permutation from the dataset seed, but minispore's generator is not
MindSpore's C++ one, so those cases record what both must share: the split sizes, that the splits together
hold every row once (a partition of the dataset) and that a second epoch gives the same rows in the same order.

Tables (as in cases_dataset_text.py): ``DELIBERATE`` (MindSpore 2.10's behaviour is a bug; minispore is checked
against ``INSTEAD`` or only to differ), ``NOTES``.
"""
import importlib
import os
import types

import numpy as np

DELIBERATE = {}
INSTEAD = {}
TOLERANCE = {}

NOTES = {
    "bucket/pad_none": "MindSpore 2.10 pads every column to the longest of its batch when pad_info is None, "
                       "though its docstring says None means no padding; minispore does the same",
    "bucket/scalar_length": "MindSpore 2.10 takes an integer scalar's value as its length (its docstring says 0)",
    "bucket/boundary_shape_none": "a pad shape of None ignores pad_to_bucket_boundary (the longest of the batch)",
    "filter/truthy_str": "any truthy value returned by the predicate keeps the row",
    "split/frac_round_over": "round(1.5) + round(1.5) = 4 > 3: the extra row comes off the first split",
}

# the names this family adds (test_every_added_name_has_a_row checks each has a case named "<name>/...")
ADDED = ["filter", "zip", "split", "apply", "flat_map", "bucket_batch_by_length", "num_classes", "reset",
         "is_shuffled", "is_sharded", "save", "dataset.zip"]


def make_data(root):
    """An output folder for ``save`` and an image folder of three classes (files never decoded)."""
    os.makedirs(os.path.join(root, "out"), exist_ok=True)
    for cls, n in (("cat", 2), ("dog", 1), ("emu", 3)):
        os.makedirs(os.path.join(root, "images", cls), exist_ok=True)
        for i in range(n):
            with open(os.path.join(root, "images", cls, f"{i}.jpg"), "wb") as f:
                f.write(b"not decoded")
    return root


def rows(dataset, columns=None):
    return [list(r) for r in dataset.create_tuple_iterator(columns=columns, output_numpy=True, num_epochs=1)]


def _sub(ms, name):
    if isinstance(ms, types.ModuleType):
        return importlib.import_module(ms.__name__ + "." + name)
    return ms


def _key(r):
    return tuple(np.asarray(x).tolist() for x in r)


def cases(ms, root):
    """The list of ``(name, thunk)`` pairs on framework ``ms`` and the output folder ``root``."""
    dsm = _sub(ms, "dataset")
    out, names = [], set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        if name in NOTES:
            thunk.note = NOTES[name]
        elif name in DELIBERATE:
            thunk.note = DELIBERATE[name]
        out.append((name, thunk))

    def mk(n=10, shuffle=False, **kw):
        return dsm.NumpySlicesDataset({"a": np.arange(n), "b": np.arange(n) * 10.0}, shuffle=shuffle, **kw)

    def one(name, values, **kw):
        return dsm.NumpySlicesDataset({name: values}, shuffle=False, **kw)

    # ---------------------------------------------------------------------------------------- filter
    add("filter/one_column", lambda: rows(mk().filter(lambda a: a % 3 == 0, input_columns=["a"])))
    add("filter/all_columns", lambda: rows(mk().filter(lambda a, b: a > 6)))
    add("filter/column_str", lambda: rows(mk().filter(lambda b: b < 25.0, input_columns="b")))
    add("filter/np_bool", lambda: rows(mk(6).filter(lambda a: np.bool_(a % 2), input_columns="a")))
    add("filter/truthy_str", lambda: len(rows(mk(4).filter(lambda a: "x", input_columns="a"))))
    add("filter/size", lambda: mk().filter(lambda a: a > 5, input_columns="a").get_dataset_size())
    add("filter/then_batch", lambda: rows(mk().filter(lambda a: a % 2 == 0, input_columns="a").batch(2)))
    add("filter/after_batch", lambda: rows(mk(6).batch(2).filter(lambda a, b: a.sum() > 2)))
    add("filter/then_map", lambda: rows(mk(5).filter(lambda a: a > 2, input_columns="a").map(
        lambda a: a * 2, input_columns="a")))
    add("filter/missing_column", lambda: rows(mk().filter(lambda a: True, input_columns=["zz"])),
        ["zz", "does not exist"])
    add("filter/not_callable", lambda: mk().filter(3), ["Predicate", "callable"])
    add("filter/ambiguous", lambda: rows(mk(3).filter(lambda a: np.array([True, False]), input_columns="a")),
        ["failed"])
    add("filter/workers", lambda: mk().filter(lambda a: True, num_parallel_workers=0), ["num_parallel_workers"])

    # ---------------------------------------------------------------------------------------- zip
    c2 = lambda: one("c", np.array([7, 8], dtype=np.int32))     # noqa: E731
    add("zip/method", lambda: rows(mk(3).zip(c2())))
    add("zip/method_tuple", lambda: rows(mk(3).zip((c2(), one("d", np.array(["p", "q", "r"]))))))
    add("dataset.zip/module", lambda: rows(dsm.zip((mk(3), c2()))))
    add("zip/size", lambda: mk(3).zip(c2()).get_dataset_size())
    add("zip/columns", lambda: mk(3).zip(c2()).get_col_names())
    add("zip/batched", lambda: rows(mk(5).batch(2).zip(one("c", np.arange(6)).batch(3))))
    add("zip/then_batch", lambda: rows(mk(5).zip(one("c", np.arange(4))).batch(3)))
    add("zip/repeated", lambda: rows(mk(2).repeat(2).zip(one("c", np.arange(5)))))
    def zip_big():      # several blocks on each side, cut at different places
        left = mk(5000).map(lambda a: a + 1, input_columns="a")
        right = dsm.GeneratorDataset(lambda: iter([(np.int32(i % 7),) for i in range(4500)]), ["g"], shuffle=False)
        return [[int(a.sum()), float(b.sum()), int(c.sum())] for a, b, c in rows(left.zip(right).batch(1000))]
    add("zip/big", zip_big)
    add("filter/big", lambda: [[int(a.sum()), a.shape[0]] for a, _ in rows(mk(6000).filter(
        lambda a: a % 7 == 3, input_columns="a").batch(300))][-3:])
    add("zip/duplicate", lambda: rows(mk(3).zip(mk(2))), ["duplicate column"])
    add("zip/list", lambda: mk(3).zip([c2()]), ["datasets", "not of type"])
    add("dataset.zip/one", lambda: dsm.zip((mk(2),)), ["zip empty or just one"])
    add("dataset.zip/list", lambda: dsm.zip([mk(2), c2()]), ["datasets", "not of type"])
    add("dataset.zip/not_dataset", lambda: dsm.zip((mk(2), 3)), ["expected Dataset object"])

    # ---------------------------------------------------------------------------------------- split
    def split_rows(sizes, n=10):
        return [rows(p) for p in mk(n).split(sizes, randomize=False)]

    add("split/ints", lambda: split_rows([3, 7]))
    add("split/fracs", lambda: split_rows([0.3, 0.7]))
    add("split/frac_half_even", lambda: split_rows([0.25, 0.75]))
    add("split/frac_three", lambda: split_rows([0.33, 0.33, 0.34]))
    add("split/frac_round_up", lambda: split_rows([0.45, 0.45, 0.1], n=7))
    add("split/frac_round_over", lambda: split_rows([0.5, 0.5], n=3))
    add("split/sizes", lambda: [p.get_dataset_size() for p in mk(11).split([0.2, 0.3, 0.5], randomize=False)])
    add("split/generator", lambda: [rows(p) for p in dsm.GeneratorDataset(
        lambda: iter([(np.int32(i),) for i in range(5)]), ["g"], shuffle=False).split([2, 3], randomize=False)])
    add("split/then_batch", lambda: [rows(p.batch(2)) for p in mk(6).split([4, 2], randomize=False)])
    add("split/one", lambda: split_rows([1.0]))

    def split_random(sizes, n=10, seed=3):
        dsm.config.set_seed(seed)
        parts = mk(n).split(sizes)
        first = [rows(p) for p in parts]
        again = [rows(p) for p in parts]
        return ([len(p) for p in first], first == again, sorted(sum(first, []), key=_key) == rows(mk(n)))

    add("split/random_ints", lambda: split_random([4, 6]))
    add("split/random_fracs", lambda: split_random([0.2, 0.5, 0.3]))
    add("split/random_big", lambda: split_random([0.6, 0.4], n=5000))
    add("split/random_seeded", lambda: split_random([5, 5], seed=7)[0])

    def split_same_seed():
        dsm.config.set_seed(11)
        a = [rows(p) for p in mk().split([4, 6])]
        dsm.config.set_seed(11)
        b = [rows(p) for p in mk().split([4, 6])]
        return a == b
    add("split/random_same_seed", split_same_seed)
    add("split/random_generator", lambda: sorted(
        sum((rows(p) for p in dsm.GeneratorDataset(lambda: iter([(np.int32(i),) for i in range(6)]), ["g"],
                                                     shuffle=False).split([3, 3])), []), key=_key))
    def split_stable(make, randomize):
        """(partition in epoch 0, in epoch 1, same rows every epoch) of split([0.5, 0.5]) of ``make()``."""
        dsm.config.set_seed(1)
        a, b = make().split([0.5, 0.5], randomize=randomize)
        res = []
        for _ in range(2):
            ra, rb = rows(a), rows(b)
            res.append((sorted([int(r[0]) for r in ra + rb]) == list(range(20)), ra))
        return res[0][0], res[1][0], res[0][1] == res[1][1]

    pipelines = {
        "source_shuffled": lambda: dsm.NumpySlicesDataset({"a": np.arange(20)}),
        "source_sampler": lambda: dsm.NumpySlicesDataset({"a": np.arange(20)}, sampler=dsm.RandomSampler()),
        "map_over_shuffled": lambda: dsm.NumpySlicesDataset({"a": np.arange(20)}).map(lambda a: a),
        "shuffle_node": lambda: dsm.NumpySlicesDataset({"a": np.arange(20)}, shuffle=False).shuffle(6),
        "generator": lambda: dsm.GeneratorDataset(lambda: iter([(np.int64(i),) for i in range(20)]), ["a"]),
    }
    for pname, make in pipelines.items():
        for randomize in (True, False):
            add(f"split/stable_{pname}_{randomize}", lambda make=make, r=randomize: split_stable(make, r))
    add("split/sum_ints", lambda: mk().split([3, 6]), ["Sum of split sizes 9", "dataset size 10"])
    add("split/too_small", lambda: mk().split([0.05, 0.95]), ["Split percentage 0.05 is too small"])
    add("split/frac_sum", lambda: mk().split([0.5, 0.6]), ["do not sum up to 1"])
    add("split/empty", lambda: mk().split([]), ["sizes cannot be empty"])
    add("split/mixed", lambda: mk().split([1, 0.5]), ["list of int or list of float"])
    add("split/zero", lambda: mk().split([0, 10]), ["no negative or zero"])
    add("split/frac_range", lambda: mk().split([1.5, -0.5]), ["outside the range (0, 1]"])
    add("split/tuple", lambda: mk().split((5, 5)), ["sizes", "not of type"])
    add("split/randomize_int", lambda: mk().split([5, 5], randomize=1), ["randomize", "not of type"])
    add("split/sharded", lambda: mk(num_shards=2, shard_id=0).split([2, 3]), ["sharded before split"])

    # ---------------------------------------------------------------------------------------- apply, flat_map
    add("apply/batch", lambda: rows(mk(4).apply(lambda d: d.batch(2))))
    add("apply/chain", lambda: rows(mk(6).apply(lambda d: d.skip(1).take(3).project(["b"]))))
    add("apply/not_dataset", lambda: mk().apply(lambda d: 3), ["apply_func must return a dataset"])
    add("apply/not_callable", lambda: mk().apply(3), ["apply_func must be a function"])
    add("flat_map/rows", lambda: rows(mk(3).flat_map(
        lambda a, b: dsm.NumpySlicesDataset({"x": [a, a + 1]}, shuffle=False))))
    add("flat_map/repeat", lambda: rows(one("v", np.array([[1, 2], [3, 4]])).flat_map(
        lambda v: dsm.NumpySlicesDataset(v, shuffle=False).repeat(2))))
    add("flat_map/columns", lambda: mk(2).flat_map(
        lambda a, b: dsm.NumpySlicesDataset({"x": [a], "y": [b]}, shuffle=False)).get_col_names())
    add("flat_map/not_callable", lambda: mk().flat_map(3), ["func must be a function"])
    add("flat_map/not_dataset", lambda: mk(2).flat_map(lambda a, b: 3), ["flat_map must return a Dataset"])

    # ---------------------------------------------------------------------------------------- bucket_batch_by_length
    def gen():
        for n in [1, 3, 2, 5, 4, 2, 6, 1]:
            yield np.arange(n, dtype=np.int32), np.array(n)

    def g():
        return dsm.GeneratorDataset(gen, ["x", "n"], shuffle=False)

    def bb(*args, **kw):
        return rows(g().bucket_batch_by_length(*args, **kw))

    add("bucket_batch_by_length/pad_value", lambda: bb(["x"], [3, 5], [2, 2, 3], pad_info={"x": (None, -1)}))
    add("bucket/pad_none", lambda: bb(["x"], [3, 5], [2, 2, 3]))
    add("bucket/pad_empty", lambda: bb(["x"], [3, 5], [2, 2, 3], pad_info={}))
    add("bucket/pad_shape", lambda: bb(["x"], [3, 5], [2, 2, 3], drop_remainder=True, pad_info={"x": ([6], 9)}))
    add("bucket/boundary", lambda: bb(["x"], [3, 7], [2, 2, 3], pad_info={"x": ([None], 0)},
                                      pad_to_bucket_boundary=True))
    add("bucket/boundary_shape_none", lambda: bb(["x"], [3, 5], [2, 2, 3], pad_info={"x": (None, 0)},
                                                 pad_to_bucket_boundary=True))
    add("bucket/boundary_pad_none", lambda: bb(["x"], [3, 7], [2, 2, 3], pad_to_bucket_boundary=True))
    add("bucket/boundary_last", lambda: bb(["x"], [3, 5], [2, 2, 3], pad_info={"x": ([None], 0)},
                                           pad_to_bucket_boundary=True), ["bucket"])
    add("bucket/drop", lambda: bb(["x"], [3, 5], [2, 2, 3], drop_remainder=True))
    add("bucket/length_fn", lambda: bb(["n"], [3], [2, 3], element_length_function=lambda n: int(n)))
    add("bucket/length_fn_two", lambda: bb(["x", "n"], [2, 4], [1, 2, 2],
                                           element_length_function=lambda x, n: int(n) - 1))
    add("bucket/scalar_length", lambda: bb(["n"], [3], [2, 3]))
    add("bucket/batch_size", lambda: g().bucket_batch_by_length(["x"], [3], [2, 3]).get_batch_size(),)
    add("bucket/size", lambda: g().bucket_batch_by_length(["x"], [3, 5], [2, 2, 3]).get_dataset_size())
    add("bucket/negative_length", lambda: bb(["x"], [3], [3, 3], element_length_function=lambda x: -1),
        ["greater than or equal to 0"])
    add("bucket/two_columns_no_fn", lambda: g().bucket_batch_by_length(["x", "n"], [3], [2, 3]),
        ["exactly one column name"])
    add("bucket/not_increasing", lambda: g().bucket_batch_by_length(["x"], [3, 3], [2, 2, 3]),
        ["strictly increasing"])
    add("bucket/sizes_count", lambda: g().bucket_batch_by_length(["x"], [3], [2]), ["one element more"])
    add("bucket/empty_boundaries", lambda: g().bucket_batch_by_length(["x"], [], [2]), ["cannot be empty"])
    add("bucket/boundary_zero", lambda: g().bucket_batch_by_length(["x"], [0, 3], [1, 2, 2]),
        ["positive numbers"])
    add("bucket/batch_zero", lambda: g().bucket_batch_by_length(["x"], [3], [0, 2]), ["positive numbers"])
    add("bucket/boundary_float", lambda: g().bucket_batch_by_length(["x"], [3.0], [1, 2]), ["list of int"])
    add("bucket/fn_not_callable", lambda: g().bucket_batch_by_length(["x"], [3], [1, 2],
                                                                     element_length_function=3), ["not callable"])
    add("bucket/column_str", lambda: g().bucket_batch_by_length("x", [3], [1, 2]), ["column_names", "not of type"])
    add("bucket/missing_column", lambda: bb(["zz"], [3], [1, 2]), ["zz"])

    # ---------------------------------------------------------------------------------------- information
    add("num_classes/slices", lambda: mk().num_classes())
    add("num_classes/batched", lambda: mk().batch(2).num_classes())
    folder = os.path.join(root, "images")
    add("num_classes/image_folder", lambda: dsm.ImageFolderDataset(folder, shuffle=False).num_classes())
    add("num_classes/image_folder_pipeline", lambda: dsm.ImageFolderDataset(folder, shuffle=False).take(2).batch(
        2).num_classes())
    add("num_classes/image_folder_index", lambda: dsm.ImageFolderDataset(
        folder, shuffle=False, class_indexing={"cat": 0, "dog": 1}).num_classes())

    def reset_then_iterate():
        d = mk(4)
        first = rows(d)
        r = d.reset()
        return r, first == rows(d)
    add("reset/iterate", reset_then_iterate)
    add("is_shuffled/table", lambda: [
        mk().is_shuffled(), mk(shuffle=True).is_shuffled(), mk().shuffle(4).is_shuffled(),
        mk().batch(2).is_shuffled(), mk(shuffle=True).map(lambda a: a).is_shuffled(),
        one("v", [1, 2], sampler=None).is_shuffled(),
        dsm.NumpySlicesDataset([1, 2], sampler=dsm.SequentialSampler()).is_shuffled(),
        dsm.NumpySlicesDataset([1, 2], sampler=dsm.RandomSampler()).is_shuffled(),
        dsm.NumpySlicesDataset([1, 2], sampler=dsm.DistributedSampler(2, 0, shuffle=False)).is_shuffled(),
        dsm.NumpySlicesDataset([1, 2], sampler=dsm.DistributedSampler(2, 0)).is_shuffled(),
        mk().zip(dsm.NumpySlicesDataset({"c": [1, 2]})).is_shuffled()])
    add("is_sharded/table", lambda: [
        mk().is_sharded(), mk(num_shards=2, shard_id=1).is_sharded(), mk(num_shards=1, shard_id=0).is_sharded(),
        dsm.NumpySlicesDataset([1, 2], sampler=dsm.DistributedSampler(2, 0)).is_sharded(),
        dsm.NumpySlicesDataset([1, 2], sampler=dsm.DistributedSampler(1, 0)).is_sharded(),
        mk(num_shards=2, shard_id=1).map(lambda a: a).is_sharded(),
        mk().concat(mk(num_shards=2, shard_id=0)).is_sharded()])

    # ---------------------------------------------------------------------------------------- save
    def saved(name, src, **kw):
        f = os.path.join(root, "out", name)
        src.save(f, **kw)
        files = sorted(x for x in os.listdir(os.path.join(root, "out")) if x.startswith(name))
        back = dsm.MindDataset(f if "num_files" not in kw else f + "0", shuffle=False)
        return files, back.get_col_names(), rows(back)

    def typed():
        return dsm.NumpySlicesDataset({"a": np.arange(4, dtype=np.int8),
                                       "b": np.arange(8, dtype=np.float16).reshape(4, 2),
                                       "s": np.array(["x", "yy", "z", "w"]), "u": np.arange(4, dtype=np.uint32),
                                       "i": np.arange(4, dtype=np.int64) * -3,
                                       "d": np.linspace(0, 1, 4)}, shuffle=False)

    add("save/types", lambda: saved("t.mindrecord", typed()))
    add("save/pipeline", lambda: saved("p.mindrecord", mk(5).map(lambda a: a * 2, input_columns="a").skip(1)))
    add("save/shards", lambda: saved("s.mindrecord", mk(6), num_files=2)[:2])
    add("save/shard_rows", lambda: sorted(rows(dsm.MindDataset(
        [os.path.join(root, "out", "s.mindrecord0"), os.path.join(root, "out", "s.mindrecord1")],
        shuffle=False)), key=_key))

    def gen_rows(shapes):
        return dsm.GeneratorDataset(lambda: iter([(np.full(sh, k, np.float32),) for k, sh in enumerate(shapes)]),
                                    ["v"], shuffle=False)

    add("save/image_bool_bytes", lambda: saved("i.mindrecord", dsm.NumpySlicesDataset(
        {"img": np.arange(24, dtype=np.uint8).reshape(2, 3, 4), "t": np.array([True, False]),
         "h": np.arange(2, dtype=np.uint16), "by": np.array([b"ab", b"c"])}, shuffle=False)))
    add("save/ragged_first_axis", lambda: saved("r.mindrecord", gen_rows([(2, 3), (3, 3), (1, 3)])))
    add("save/ragged_vector", lambda: saved("v.mindrecord", gen_rows([(2,), (5,), (1,)])))

    def save_twice():
        f = os.path.join(root, "out", "twice.mindrecord")
        mk(2).save(f)
        mk(2).save(f)
    add("save/exists", save_twice, ["already exist"])
    add("save/file_type", lambda: mk(2).save(os.path.join(root, "out", "q.mindrecord"), file_type="tfrecord"),
        ["tfrecord", "not supported"])
    add("save/num_files", lambda: mk(2).save(os.path.join(root, "out", "q.mindrecord"), num_files=0),
        ["num_files"])
    return out
