"""Reference ("golden") cases for mindspore.dataset.text, the text sources (TextFileDataset, CSVDataset,
IMDBDataset), the sequence transforms (PadEnd, Concatenate, Fill, Slice, Mask, TypeCast) and padded batching of
MindSpore 2.10.

The same code runs under real MindSpore (``gen_dataset_text.py`` records ``dataset_text.json``) and under minispore
(``tests/test_golden_dataset_text.py`` checks against the recording). ``cases(ms, root)`` builds ``(name, thunk)``
pairs on the framework module ``ms``; ``root`` is a folder written by ``make_data(root)`` (a tiny aclImdb tree,
text and CSV files, vocab and vector files), so the same bytes go in.

Tables (as in cases_dataset_vision.py): ``DELIBERATE`` (MindSpore 2.10's behaviour is a bug; minispore is checked
against ``INSTEAD[name]`` or only to differ), ``NOTES``.
"""
import importlib
import os
import types

import numpy as np

STRINGS = ["Hello, World!  Café naïve", "中文分词 test。ok", "", "  ", "don't stop-me 3.14 $5 €9 a+b^c",
           "ÀÉÎ ﬁ Ǆ straße ŒUVRE", "a\tb\nc\u3000d\u200be", "[UNK] [CLS] x [SEP] [unused12] [MASK", "Ünïcödé—dash…",
           "emoji 😀 ok!", "x" * 5]

DELIBERATE = {
    "basic/lower/7":
        "MindSpore 2.10's BasicTokenizer(lower_case=True) with preserve_unused_token=True repeats the text before "
        "each preserved word and drops the text after the last one; minispore lower-cases around the preserved "
        "words once",
    "glove/lower_backup":
        "MindSpore 2.10's ToVectors(lower_case_backup=True) looks up only the lower-cased token, so a token found "
        "as it is ('Cat') gets unk_init; minispore looks the token up first and its lower case only when it is "
        "not found, as the documentation says",
    "slice/2d":
        "MindSpore 2.10's Slice(slice(None), 1) fails inside its C++ binding (SystemError); minispore indexes "
        "axis 1 at 1, keeping the axis",
    "batch/pad_info_kwarg":
        "MindSpore 2.10's batch() no longer takes pad_info (TypeError; padded_batch does); minispore keeps the "
        "MindSpore 1.x argument so that older scripts run",
}

INSTEAD = {
    "basic/lower/7": {"ndarray": "<U6", "shape": [12],
                      "value": ["[UNK]", "[CLS]", "x", "[SEP]", "[", "unused12", "]", "[", "mask"]},
    "glove/lower_backup":
        "MindSpore 2.10's ToVectors(lower_case_backup=True) looks up only the lower-cased token, so a token found "
        "as it is ('Cat') gets unk_init; minispore looks the token up first and its lower case only when it is "
        "not found, as the documentation says",
    "slice/2d":
        "MindSpore 2.10's Slice(slice(None), 1) fails inside its C++ binding (SystemError); minispore indexes "
        "axis 1 at 1, keeping the axis",
    "batch/pad_info_kwarg": {"list": [{"list": [{"ndarray": "int32", "shape": [2, 2],
                                                 "value": [[0, 0], [0, 1]]}]},
                                      {"list": [{"ndarray": "int32", "shape": [2, 4],
                                                 "value": [[0, 1, 2, 0], [0, 1, 2, 3]]}]},
                                      {"list": [{"ndarray": "int32", "shape": [1, 5],
                                                 "value": [[0, 1, 2, 3, 4]]}]}]},
}
INSTEAD["basic/lower/7"] = {"ndarray": "<U10", "shape": [7],
                            "value": ["[UNK]", "[CLS]", "x", "[SEP]", "[unused12]", "[", "mask"]}
INSTEAD["slice/2d"] = {"ndarray": "int64", "shape": [2, 1], "value": [[2], [4]]}


def _vectors():
    """The rows of the vector files make_data writes (the same seeded draw)."""
    return np.random.default_rng(1234).standard_normal((5, 4)).round(4)


def _glove_backup_instead():
    v = _vectors()
    zero = [0.0] * 4
    rows_ = [v[0], zero, zero, v[1], zero]      # the, cat, CAT, Cat (found as it is), zebra
    return {"ndarray": "float32", "shape": [5, 4],
            "value": [[float(np.float32(x)) for x in r] for r in rows_]}


INSTEAD["glove/lower_backup"] = _glove_backup_instead()

TOLERANCE = {}      # (no kernel here with arithmetic that could differ; kept for the shared test driver)

NOTES = {
    "textfile/order_w2": "with shuffle=False the rows of the files come interleaved, one from each worker in turn",
    "imdb/text_last_line": "MindSpore keeps the last non-empty line of a review file",
}


def _w(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def make_data(root):
    """Write the inputs of the cases under ``root`` (deterministic)."""
    imdb = os.path.join(root, "aclImdb")
    reviews = {("train", "pos"): ["10_9.txt", "1_7.txt", "2_10.txt"], ("train", "neg"): ["0_3.txt", "5_1.txt"],
               ("test", "pos"): ["3_8.txt"], ("test", "neg"): ["4_2.txt", "11_4.txt"]}
    k = 0
    for (usage, cls), names in sorted(reviews.items()):
        for name in names:
            _w(os.path.join(imdb, usage, cls, name), f"Review {k} ({usage}/{cls}): a <br />film, Café {'x' * k}.")
            k += 1
    _w(os.path.join(imdb, "train", "unsup", "9_0.txt"), "unlabelled")
    _w(os.path.join(root, "imdb2", "aclImdb", "train", "pos", "a.txt"), "first line\nsecond line\n\n")
    _w(os.path.join(root, "imdb2", "aclImdb", "train", "neg", "b.txt"), "only\r\n")
    _w(os.path.join(root, "imdb2", "aclImdb", "test", "pos", "c.txt"), "t")
    _w(os.path.join(root, "imdb2", "aclImdb", "test", "neg", "d.txt"), "u")
    for j, n in enumerate([5, 2, 3]):
        _w(os.path.join(root, "text", f"f{j}.txt"), "\n".join(f"f{j} line {i} é" for i in range(n)) + "\n")
    _w(os.path.join(root, "text", "g.txt"), "one\n\n  two  \r\nthree")
    _w(os.path.join(root, "csv", "a.csv"), 'i,s,f\n1,"x, y",2.5\n-3,"q""uote",1e2\n+4,plain,-0.5\n')
    _w(os.path.join(root, "csv", "b.csv"), 'i,s,f\n5,"multi\nline",7\n6,z,8.25\n')
    _w(os.path.join(root, "csv", "empty_int.csv"), "i,s,f\n,x,1.5\n")
    _w(os.path.join(root, "csv", "empty_str.csv"), "i,s,f\n1,,1.5\n")
    _w(os.path.join(root, "csv", "empty_float.csv"), "i,s,f\n1,x,\n")
    _w(os.path.join(root, "csv", "short.csv"), "i,s,f\n1,x\n")
    _w(os.path.join(root, "csv", "bad_int.csv"), "i,s,f\n1.5,x,2\n")
    _w(os.path.join(root, "csv", "pipe.csv"), 'x|y\n"a|b"|c\n|\n')
    _w(os.path.join(root, "vocab", "words.txt"), "hello\nworld\nfoo\nbar\n")
    _w(os.path.join(root, "vocab", "pairs.txt"), "hello,10\nworld,9\nfoo,8\n")
    _w(os.path.join(root, "vocab", "dup.txt"), "a\nb\na\n")
    vecs = _vectors()
    words = ["the", "Cat", "sat", "on", "mat"]
    lines = [w + " " + " ".join(f"{v:.4f}" for v in row) for w, row in zip(words, vecs)]
    _w(os.path.join(root, "vec", "glove.6B.4d.txt"), "\n".join(lines) + "\n")
    _w(os.path.join(root, "vec", "vectors.txt"), "\n".join(lines) + "\n")
    _w(os.path.join(root, "vec", "w2v.txt"), "5 4\n" + "\n".join(lines) + "\n")
    _w(os.path.join(root, "vec", "glove.bad.txt"), lines[0] + "\nzz 1 2\n")
    return root


def rows(dataset, columns=None):
    return [list(r) for r in dataset.create_tuple_iterator(columns=columns, output_numpy=True)]


def _sub(ms, name):
    if isinstance(ms, types.ModuleType):
        return importlib.import_module(ms.__name__ + "." + name)
    return ms


def cases(ms, root):
    """The list of ``(name, thunk)`` pairs on framework ``ms`` and data folder ``root`` (``make_data``)."""
    dsm, text, T = _sub(ms, "dataset"), _sub(ms, "dataset.text"), _sub(ms, "dataset.transforms")
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

    imdb, txt, csv = os.path.join(root, "aclImdb"), os.path.join(root, "text"), os.path.join(root, "csv")
    files = [os.path.join(txt, f"f{j}.txt") for j in range(3)]
    voc, vec = os.path.join(root, "vocab"), os.path.join(root, "vec")

    # ---------------------------------------------------------------------------------------- IMDB
    add("imdb/train", lambda: [dsm.IMDBDataset(imdb, usage="train", shuffle=False).get_col_names(),
                               rows(dsm.IMDBDataset(imdb, usage="train", shuffle=False))])
    add("imdb/test", lambda: rows(dsm.IMDBDataset(imdb, usage="test", shuffle=False)))
    add("imdb/all", lambda: rows(dsm.IMDBDataset(imdb, shuffle=False)))
    add("imdb/all_size", lambda: [dsm.IMDBDataset(imdb).get_dataset_size(),
                                  dsm.IMDBDataset(imdb, usage="all").get_dataset_size()])
    add("imdb/num_samples", lambda: rows(dsm.IMDBDataset(imdb, usage="train", shuffle=False, num_samples=2)))
    add("imdb/shard", lambda: [rows(dsm.IMDBDataset(imdb, shuffle=False, num_shards=3, shard_id=k))
                               for k in range(3)])
    add("imdb/sampler", lambda: rows(dsm.IMDBDataset(imdb, sampler=dsm.SequentialSampler(2, 3))))
    add("imdb/shuffled_set", lambda: sorted(str(r[0]) for r in rows(dsm.IMDBDataset(imdb))))
    add("imdb/tensor_label", lambda: list(next(iter(dsm.IMDBDataset(imdb, usage="test", shuffle=False)
                                                    .create_tuple_iterator()))))
    add("imdb/text_last_line", lambda: rows(dsm.IMDBDataset(os.path.join(root, "imdb2", "aclImdb"),
                                                            shuffle=False)))
    add("imdb/err_usage", lambda: dsm.IMDBDataset(imdb, usage="valid"), ["usage"])
    add("imdb/err_dir", lambda: dsm.IMDBDataset(os.path.join(root, "nope")), ["nope"])
    add("imdb/err_sampler_shuffle", lambda: dsm.IMDBDataset(imdb, shuffle=True, sampler=dsm.SequentialSampler()))

    # ---------------------------------------------------------------------------------------- TextFile
    for w in (1, 2, 3):
        add(f"textfile/order_w{w}", lambda w=w: rows(dsm.TextFileDataset(files, shuffle=False,
                                                                         num_parallel_workers=w)))
    add("textfile/columns_size", lambda: [dsm.TextFileDataset(files).get_col_names(),
                                          dsm.TextFileDataset(files).get_dataset_size()])
    add("textfile/lines", lambda: rows(dsm.TextFileDataset(os.path.join(txt, "g.txt"), shuffle=False)))
    add("textfile/glob", lambda: rows(dsm.TextFileDataset(os.path.join(txt, "f*.txt"), shuffle=False,
                                                          num_parallel_workers=1)))
    add("textfile/num_samples", lambda: rows(dsm.TextFileDataset(files, shuffle=False, num_samples=4,
                                                                 num_parallel_workers=2)))
    for ns in (2, 3, 4):
        add(f"textfile/shards_{ns}", lambda ns=ns: [rows(dsm.TextFileDataset(
            files, shuffle=False, num_shards=ns, shard_id=k, num_parallel_workers=2)) for k in range(ns)])
    add("textfile/shard_sizes", lambda: [dsm.TextFileDataset(files, num_shards=4, shard_id=k).get_dataset_size()
                                         for k in range(4)])
    for mode in ("GLOBAL", "FILES", "INFILE"):
        add(f"textfile/shuffle_{mode}_set", lambda mode=mode: sorted(str(r[0]) for r in rows(dsm.TextFileDataset(
            files, shuffle=getattr(dsm.Shuffle, mode)))))
    add("textfile/shuffle_false_enum", lambda: rows(dsm.TextFileDataset(files, shuffle=dsm.Shuffle.FALSE,
                                                                        num_parallel_workers=2)))
    add("textfile/err_missing", lambda: dsm.TextFileDataset(os.path.join(txt, "none.txt")), ["did not match"])
    add("textfile/err_shuffle", lambda: dsm.TextFileDataset(files, shuffle="yes"))
    add("textfile/err_shard_id", lambda: dsm.TextFileDataset(files, num_shards=2))

    # ---------------------------------------------------------------------------------------- CSV
    a_csv, b_csv = os.path.join(csv, "a.csv"), os.path.join(csv, "b.csv")
    add("csv/strings", lambda: [dsm.CSVDataset(a_csv, shuffle=False).get_col_names(),
                                rows(dsm.CSVDataset(a_csv, shuffle=False))])
    add("csv/typed", lambda: rows(dsm.CSVDataset(a_csv, column_defaults=[0, "", 0.0], shuffle=False)))
    add("csv/typed_float_ints", lambda: rows(dsm.CSVDataset(a_csv, column_defaults=[0.0, "d", 1.0],
                                                            shuffle=False)))
    add("csv/two_files", lambda: rows(dsm.CSVDataset([a_csv, b_csv], column_defaults=[0, "", 0.0],
                                                     shuffle=False, num_parallel_workers=2)))
    add("csv/two_files_w1", lambda: rows(dsm.CSVDataset([a_csv, b_csv], shuffle=False, num_parallel_workers=1)))
    add("csv/names_given", lambda: [dsm.CSVDataset(b_csv, column_names=["p", "q", "r"]).get_col_names(),
                                    rows(dsm.CSVDataset(b_csv, column_names=["p", "q", "r"], shuffle=False))])
    add("csv/pipe", lambda: rows(dsm.CSVDataset(os.path.join(csv, "pipe.csv"), field_delim="|", shuffle=False)))
    for stem in ("empty_int", "empty_str", "empty_float", "short", "bad_int"):
        add(f"csv/{stem}", lambda stem=stem: rows(dsm.CSVDataset(os.path.join(csv, stem + ".csv"),
                                                                 column_defaults=[7, "dflt", 0.5], shuffle=False)))
    add("csv/empty_str_untyped", lambda: rows(dsm.CSVDataset(os.path.join(csv, "empty_str.csv"), shuffle=False)))
    add("csv/shards", lambda: [rows(dsm.CSVDataset([a_csv, b_csv], shuffle=False, num_shards=2, shard_id=k,
                                                   num_parallel_workers=2)) for k in range(2)])
    add("csv/num_samples", lambda: rows(dsm.CSVDataset(a_csv, num_samples=2, shuffle=False)))
    add("csv/err_quote", lambda: rows(dsm.CSVDataset(a_csv, field_delim=";", shuffle=False)), ["quote"])
    add("csv/err_delim", lambda: dsm.CSVDataset(a_csv, field_delim="ab"), ["field_delim"])
    add("csv/err_defaults_type", lambda: dsm.CSVDataset(a_csv, column_defaults=[[1], "", 0.0]))
    add("csv/err_missing", lambda: dsm.CSVDataset(os.path.join(csv, "none.csv")), ["did not match"])

    # ---------------------------------------------------------------------------------------- Vocab
    words = ["home", "world", "a", "b"]
    add("vocab/from_list", lambda: sorted(text.Vocab.from_list(words, ["<pad>", "<unk>"], True).vocab().items()))
    add("vocab/from_list_last", lambda: sorted(text.Vocab.from_list(words, ["<pad>", "<unk>"], False).vocab().items()))
    add("vocab/from_list_plain", lambda: sorted(text.Vocab.from_list(words).vocab().items()))
    add("vocab/tokens_to_ids", lambda: (lambda v: [v.tokens_to_ids("world"), v.tokens_to_ids(["a", "zz", "<unk>"]),
                                                   v.tokens_to_ids(np.array(["b", "home"]))])(
        text.Vocab.from_list(words, ["<pad>", "<unk>"])))
    add("vocab/ids_to_tokens", lambda: (lambda v: [v.ids_to_tokens(0), v.ids_to_tokens([1, 5, 100]),
                                                   v.ids_to_tokens(np.array([2, 3]))])(
        text.Vocab.from_list(words, ["<pad>", "<unk>"])))
    add("vocab/from_dict", lambda: (lambda v: [v.vocab(), v.tokens_to_ids(["x", "y", "w"]), v.ids_to_tokens([7, 1])])(
        text.Vocab.from_dict({"x": 3, "y": 7, "z": 0})))
    add("vocab/from_file", lambda: sorted(text.Vocab.from_file(os.path.join(voc, "words.txt")).vocab().items()))
    add("vocab/from_file_delim", lambda: sorted(text.Vocab.from_file(os.path.join(voc, "pairs.txt"), ",", 2,
                                                              ["<s>"], False).vocab().items()))
    add("vocab/from_file_special", lambda: sorted(text.Vocab.from_file(os.path.join(voc, "words.txt"),
                                                                special_tokens=["<pad>"]).vocab().items()))
    add("vocab/err_file_dup", lambda: sorted(text.Vocab.from_file(os.path.join(voc, "dup.txt")).vocab().items()))
    add("vocab/err_list_dup", lambda: text.Vocab.from_list(["a", "b", "a"]), ["duplicate"])
    add("vocab/err_list_special_dup", lambda: text.Vocab.from_list(["a", "b"], ["a"]), ["duplicate"])
    add("vocab/err_list_type", lambda: text.Vocab.from_list(["a", 3]))
    add("vocab/err_ids_negative", lambda: text.Vocab.from_list(["a"]).ids_to_tokens(-1))
    add("vocab/err_tokens_type", lambda: text.Vocab.from_list(["a"]).tokens_to_ids(3))
    add("vocab/err_dict_id", lambda: text.Vocab.from_dict({"a": -1}))

    def corpus():
        data = [["b", "a", "c", "a"], ["c", "b", "d", "c"], ["c", "e", "a", "f"]]
        return dsm.NumpySlicesDataset({"t": np.array(data), "u": np.array([["z"] * 4, ["c"] * 4, ["zz"] * 4])},
                                      shuffle=False)
    add("vocab/from_dataset", lambda: sorted(text.Vocab.from_dataset(corpus(), columns=["t"]).vocab().items()))
    add("vocab/from_dataset_all", lambda: sorted(text.Vocab.from_dataset(corpus()).vocab().items()))
    add("vocab/from_dataset_freq", lambda: sorted(text.Vocab.from_dataset(corpus(), ["t"], freq_range=(2, 3),
                                                                   special_tokens=["<pad>", "<unk>"]).vocab().items()))
    add("vocab/from_dataset_topk", lambda: sorted(text.Vocab.from_dataset(corpus(), ["t"], freq_range=(None, 3), top_k=2,
                                                                   special_tokens=["<unk>"],
                                                                   special_first=False).vocab().items()))
    add("vocab/from_dataset_min", lambda: sorted(text.Vocab.from_dataset(corpus(), "t", freq_range=(2, None)).vocab().items()))
    add("vocab/err_from_dataset_freq", lambda: text.Vocab.from_dataset(corpus(), ["t"], freq_range=(3, 1)))
    add("vocab/err_from_dataset_topk", lambda: text.Vocab.from_dataset(corpus(), ["t"], top_k=0))

    # ---------------------------------------------------------------------------------------- Lookup
    def vocab():
        return text.Vocab.from_list(["the", "cat", "sat", "é"], ["<pad>", "<unk>"])
    add("lookup/unk", lambda: text.Lookup(vocab(), "<unk>")(np.array(["the", "dog", "é", "cat"])))
    add("lookup/scalar", lambda: text.Lookup(vocab())("sat"))
    add("lookup/2d", lambda: text.Lookup(vocab(), "<unk>")(np.array([["the", "x"], ["sat", "cat"]])))
    add("lookup/int64", lambda: text.Lookup(vocab(), data_type=ms.int64)(np.array(["cat"])))
    add("lookup/float32", lambda: text.Lookup(vocab(), data_type=ms.float32)(np.array(["cat"])))
    add("lookup/err_unknown", lambda: text.Lookup(vocab())(np.array(["the", "dog"])))
    add("lookup/err_unknown_token_missing", lambda: text.Lookup(vocab(), "<oov>")(np.array(["the"])))
    add("lookup/err_numeric_input", lambda: text.Lookup(vocab(), "<unk>")(np.array([1, 2])))
    add("lookup/err_vocab_type", lambda: text.Lookup({"a": 1}))
    add("lookup/pipeline", lambda: rows(dsm.NumpySlicesDataset(np.array(["the", "zebra", "cat"]), ["w"],
                                                               shuffle=False).map(text.Lookup(vocab(), "<unk>"))))

    # ---------------------------------------------------------------------------------------- tokenizers
    for k, s in enumerate(STRINGS):
        add(f"ws/{k}", lambda s=s: text.WhitespaceTokenizer()(s))
        add(f"ws/offsets/{k}", lambda s=s: text.WhitespaceTokenizer(True)(s))
        add(f"basic/default/{k}", lambda s=s: text.BasicTokenizer()(s))
        add(f"basic/lower/{k}", lambda s=s: text.BasicTokenizer(lower_case=True)(s))
        add(f"basic/keep_ws/{k}", lambda s=s: text.BasicTokenizer(keep_whitespace=True)(s))
        add(f"basic/no_unused/{k}", lambda s=s: text.BasicTokenizer(preserve_unused_token=False)(s))
        add(f"basic/lower_no_unused/{k}", lambda s=s: text.BasicTokenizer(lower_case=True,
                                                                          preserve_unused_token=False)(s))
        add(f"basic/offsets/{k}", lambda s=s: text.BasicTokenizer(with_offsets=True)(s))
        add(f"basic/lower_offsets_ws/{k}", lambda s=s: text.BasicTokenizer(lower_case=True, keep_whitespace=True,
                                                                           preserve_unused_token=False,
                                                                           with_offsets=True)(s))
    add("basic/nfkc", lambda: text.BasicTokenizer(normalization_form=text.NormalizeForm.NFKC)("ﬁ ① Ａ"))
    add("basic/err_rank", lambda: text.BasicTokenizer()(np.array(["a b", "c"])))
    add("basic/err_numeric", lambda: text.BasicTokenizer()(np.array(1)))
    add("basic/err_arg", lambda: text.BasicTokenizer(lower_case=1))
    add("ws/err_rank", lambda: text.WhitespaceTokenizer()(np.array(["a b", "c d"])))
    add("ws/pipeline_offsets", lambda: rows(dsm.NumpySlicesDataset(np.array(["a bc", "d"]), ["t"], shuffle=False)
                                            .map(text.WhitespaceTokenizer(True), "t", ["t", "s", "e"])))
    add("python_tok/split", lambda: text.PythonTokenizer(lambda s: s.split("o"))(np.array("foo boo")))
    add("python_tok/err_str", lambda: text.PythonTokenizer(lambda s: s.split())("a b"))
    add("python_tok/pipeline", lambda: rows(dsm.NumpySlicesDataset(np.array(["a b", "cd e f"]), ["t"],
                                                                   shuffle=False)
                                            .map(text.PythonTokenizer(lambda s: s.split()), "t")))

    # ---------------------------------------------------------------------------------------- window, ngram, number
    add("window/strings", lambda: text.SlidingWindow(2)(np.array(["a", "b", "c", "d"])))
    add("window/ints", lambda: text.SlidingWindow(3)(np.array([1, 2, 3, 4], np.int32)))
    add("window/too_wide", lambda: text.SlidingWindow(5)(np.array([1, 2, 3, 4])))
    add("window/equal", lambda: text.SlidingWindow(4)(np.array([1.5, 2, 3, 4])))
    add("window/err_2d", lambda: text.SlidingWindow(2, 0)(np.array([[1, 2, 3], [4, 5, 6]])))
    add("window/err_width", lambda: text.SlidingWindow(0), ["width"])
    add("ngram/2", lambda: text.Ngram(2)(np.array(["a", "b", "c"])))
    add("ngram/list", lambda: text.Ngram([1, 2, 3])(np.array(["a", "b", "c"])))
    add("ngram/pads", lambda: text.Ngram(2, ("_", 1), ("_", 1))(np.array(["a", "b", "c"])))
    add("ngram/too_long", lambda: text.Ngram(4)(np.array(["a", "b", "c"])))
    add("ngram/sep", lambda: text.Ngram(3, left_pad=("<", 2), right_pad=(">", 2), separator="-")(
        np.array(["a", "b"])))
    add("ngram/err_numeric", lambda: text.Ngram(2)(np.array([1, 2, 3])))
    add("ngram/err_n", lambda: text.Ngram(0))
    add("ngram/err_pad", lambda: text.Ngram(2, left_pad=("x", -1)))
    add("ngram/err_pad_type", lambda: text.Ngram(2, left_pad=["x", 1]))
    add("to_number/int32", lambda: text.ToNumber(ms.int32)(np.array(["1", "-2", "+3", "2147483647"])))
    add("to_number/float32", lambda: text.ToNumber(ms.float32)(np.array(["1.5", "-2e3", "3", ".5"])))
    add("to_number/float64", lambda: text.ToNumber(ms.float64)(np.array("2.25")))
    add("to_number/uint8", lambda: text.ToNumber(ms.uint8)(np.array(["255", "0"])))
    add("to_number/int64_2d", lambda: text.ToNumber(ms.int64)(np.array([["1", "2"], ["3", "4"]])))
    add("to_number/err_range", lambda: text.ToNumber(ms.int8)(np.array(["300"])))
    add("to_number/err_float_to_int", lambda: text.ToNumber(ms.int32)(np.array(["1.5"])))
    add("to_number/err_negative_uint", lambda: text.ToNumber(ms.uint8)(np.array(["-1"])))
    add("to_number/err_word", lambda: text.ToNumber(ms.float32)(np.array(["abc"])))
    add("to_number/err_numeric_input", lambda: text.ToNumber(ms.int32)(np.array([1, 2])))
    add("to_number/err_bool_type", lambda: text.ToNumber(ms.bool_))

    # ---------------------------------------------------------------------------------------- vectors
    glove = os.path.join(vec, "glove.6B.4d.txt")
    toks = np.array(["the", "cat", "CAT", "Cat", "zebra"])
    add("glove/to_vectors", lambda: text.ToVectors(text.GloVe.from_file(glove))(toks))
    add("glove/lower_backup", lambda: text.ToVectors(text.GloVe.from_file(glove), lower_case_backup=True)(toks))
    add("glove/unk_init", lambda: text.ToVectors(text.GloVe.from_file(glove), unk_init=[1, 2, 3, 4.5])(toks))
    add("glove/scalar", lambda: text.ToVectors(text.GloVe.from_file(glove))("sat"))
    add("glove/max_vectors", lambda: text.ToVectors(text.GloVe.from_file(glove, max_vectors=2))(
        np.array(["the", "Cat", "sat"])))
    add("vectors/plain", lambda: text.ToVectors(text.Vectors.from_file(os.path.join(vec, "vectors.txt")))(
        np.array(["mat", "on", "x"])))
    add("vectors/w2v_header", lambda: text.ToVectors(text.Vectors.from_file(os.path.join(vec, "w2v.txt")))(
        np.array(["mat", "the"])))
    add("vectors/glove_named_other", lambda: text.ToVectors(text.GloVe.from_file(
        os.path.join(vec, "vectors.txt")))(np.array(["mat"])))
    add("vectors/err_dims", lambda: text.ToVectors(text.GloVe.from_file(os.path.join(vec, "glove.bad.txt")))(
        np.array(["the"])))
    add("vectors/err_unk_len", lambda: text.ToVectors(text.GloVe.from_file(glove), unk_init=[1, 2])(
        np.array(["zebra"])))
    add("vectors/err_missing", lambda: text.Vectors.from_file(os.path.join(vec, "none.txt")))
    add("vectors/err_max", lambda: text.Vectors.from_file(glove, max_vectors=-1))
    add("vectors/err_numeric_input", lambda: text.ToVectors(text.GloVe.from_file(glove))(np.array([1, 2])))

    # ---------------------------------------------------------------------------------------- transforms
    add("pad_end/int", lambda: T.PadEnd([5], 0)(np.array([1, 2, 3], np.int32)))
    add("pad_end/truncate", lambda: T.PadEnd([1], 9)(np.array([1, 2, 3])))
    add("pad_end/2d", lambda: T.PadEnd([3, 4], 9)(np.array([[1, 2], [3, 4]])))
    add("pad_end/2d_truncate", lambda: T.PadEnd([1, 3], 7)(np.array([[1, 2], [3, 4]])))
    add("pad_end/default_value", lambda: T.PadEnd([4])(np.array([1.5, 2], np.float32)))
    add("pad_end/str_default", lambda: T.PadEnd([3])(np.array(["a"])))
    add("pad_end/str_value", lambda: T.PadEnd([4], "<pad>")(np.array(["a", "bc"])))
    add("pad_end/float_value_int", lambda: T.PadEnd([3], 2.7)(np.array([1, 2])))
    add("pad_end/err_rank", lambda: T.PadEnd([4, 2], 0)(np.array([1, 2])))
    add("pad_end/err_str_for_int", lambda: T.PadEnd([4], "x")(np.array([1, 2])))
    add("pad_end/err_shape_type", lambda: T.PadEnd((4,), 0))
    add("pad_end/pipeline", lambda: rows(dsm.GeneratorDataset(
        lambda: iter([(np.arange(n, dtype=np.int32),) for n in (1, 3, 2)]), ["x"], shuffle=False)
        .map(T.PadEnd([2], -1)).batch(3)))
    add("concat/ints", lambda: T.Concatenate(0, np.array([0]), np.array([9, 9]))(np.array([1, 2])))
    add("concat/strings", lambda: T.Concatenate(0, np.array(["<s>"]), np.array(["</s>"]))(np.array(["a"])))
    add("concat/none", lambda: T.Concatenate()(np.array([1, 2])))
    add("concat/axis_m1", lambda: T.Concatenate(-1, None, np.array([5]))(np.array([1, 2])))
    add("concat/err_dtype", lambda: T.Concatenate(0, np.array([0.5]))(np.array([1, 2])))
    add("concat/err_rank", lambda: T.Concatenate(0, np.array([[0]]))(np.array([1, 2])))
    add("concat/err_2d_input", lambda: T.Concatenate(0, np.array([0]))(np.array([[1, 2]])))
    add("fill/int", lambda: T.Fill(7)(np.array([1, 2], np.int32)))
    add("fill/str", lambda: T.Fill("z")(np.array(["a", "bb"])))
    add("fill/float_into_int", lambda: T.Fill(2.7)(np.array([1, 2])))
    add("fill/err_str_into_int", lambda: T.Fill("z")(np.array([1, 2])))
    add("slice/slice", lambda: T.Slice(slice(1, 3))(np.array([1, 2, 3, 4])))
    add("slice/int", lambda: T.Slice(1)(np.array([1, 2, 3, 4])))
    add("slice/list", lambda: T.Slice([0, 2])(np.array([1, 2, 3, 4])))
    add("slice/none", lambda: T.Slice(None)(np.array([1, 2, 3])))
    add("slice/2d", lambda: T.Slice(slice(None), 1)(np.array([[1, 2], [3, 4]])))
    add("slice/strings", lambda: T.Slice(slice(0, 4, 2))(np.array(["a", "b", "c", "d"])))
    add("slice/err_index", lambda: T.Slice(7)(np.array([1, 2, 3])))
    add("mask/eq", lambda: T.Mask(T.Relational.EQ, 2)(np.array([1, 2, 3])))
    add("mask/gt_int32", lambda: T.Mask(T.Relational.GT, 1, ms.int32)(np.array([1, 2, 3])))
    add("mask/str", lambda: T.Mask(T.Relational.EQ, "b")(np.array(["a", "b"])))
    add("mask/le_float", lambda: T.Mask(T.Relational.LE, 1.5)(np.array([1.0, 2.0], np.float32)))
    add("typecast/float_to_int", lambda: T.TypeCast(ms.int32)(np.array([1.7, -2.7])))
    add("typecast/int_to_bool", lambda: T.TypeCast(ms.bool_)(np.array([0, 2])))
    add("typecast/err_str", lambda: T.TypeCast(ms.float16)(np.array(["1"])))

    # ---------------------------------------------------------------------------------------- padded batch
    def gen():
        for i in range(1, 6):
            yield (np.arange(i, dtype=np.int32), np.array([[i] * i] * 2, np.float32), np.array(["a" * i] * i))

    def mk():
        return dsm.GeneratorDataset(gen, ["a", "b", "c"], shuffle=False)
    add("batch/pad_all", lambda: rows(mk().padded_batch(2, pad_info={})))
    add("batch/pad_shapes", lambda: rows(mk().padded_batch(2, pad_info={"a": (None, -1), "b": ([None, 4], 9),
                                                                        "c": (None, "z")})))
    add("batch/pad_fixed_drop", lambda: rows(mk().padded_batch(2, drop_remainder=True,
                                                               pad_info={"a": ([6], 5), "b": ([3, 6], 1.5),
                                                                         "c": ([7], "")})))
    add("batch/pad_only_a", lambda: rows(mk().project(["a"]).padded_batch(3, pad_info={"a": ([4], 0)})))
    add("batch/pad_none_value", lambda: rows(mk().project(["a", "c"]).padded_batch(2, pad_info={"a": None,
                                                                                                "c": None})))
    add("batch/pad_size", lambda: mk().padded_batch(2, pad_info={}).get_dataset_size())
    add("batch/err_unpadded_column", lambda: rows(mk().padded_batch(2, pad_info={"a": ([6], -1)})))
    add("batch/err_rank", lambda: rows(mk().project(["b"]).padded_batch(2, pad_info={"b": ([5], 0)})))
    add("batch/err_pad_info_type", lambda: mk().padded_batch(2, pad_info=[("a", None)]))
    add("batch/err_ragged", lambda: rows(mk().batch(2)))
    add("batch/pad_info_kwarg", lambda: rows(mk().project(["a"]).batch(2, pad_info={})))
    add("batch/text_pipeline", lambda: rows(
        dsm.IMDBDataset(imdb, usage="train", shuffle=False)
        .map(text.WhitespaceTokenizer(), "text")
        .map(text.Lookup(text.Vocab.from_list(["Review", "a", "film,"], ["<pad>", "<unk>"]), "<unk>"), "text")
        .padded_batch(2, pad_info={"text": ([8], 0)})))
    return out
