"""minispore.dataset.text, the text sources and padded batching: behaviour checked against values written out by
hand (the MindSpore 2.10 goldens are in tests/test_golden_dataset_text.py)."""
import os

import numpy as np
import pytest

import minispore as ms
import minispore.dataset as ds
import minispore.dataset.text as text
import minispore.dataset.transforms as T


def _imdb(root, spec):
    for usage, cls, name, body in spec:
        d = os.path.join(root, "aclImdb", usage, cls)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(body)
    return os.path.join(root, "aclImdb")


@pytest.fixture
def imdb(tmp_path):
    return _imdb(str(tmp_path), [
        ("train", "pos", "1_9.txt", "Great film."), ("train", "pos", "0_7.txt", "Loved it"),
        ("train", "neg", "3_1.txt", "Awful."), ("test", "pos", "5_8.txt", "Nice"),
        ("test", "neg", "2_2.txt", "Bad bad"), ("test", "neg", "7_3.txt", "Meh"),
        ("train", "unsup", "9_0.txt", "unlabelled")])


def test_imdb_order_labels_and_dtypes(imdb):
    d = ds.IMDBDataset(imdb, usage="train", shuffle=False)
    assert d.get_col_names() == ["text", "label"]
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert [str(t) for t, _ in rows] == ["Loved it", "Great film.", "Awful."]
    assert [int(lab) for _, lab in rows] == [1, 1, 0]
    assert rows[0][0].dtype == np.dtype("<U8") and rows[1][0].dtype == np.dtype("<U11")
    assert rows[0][1].dtype == np.int32 and rows[0][1].shape == ()
    assert ds.IMDBDataset(imdb, shuffle=False).get_dataset_size() == 6
    assert [str(t) for t, _ in ds.IMDBDataset(imdb, usage="test", shuffle=False).create_tuple_iterator(
        output_numpy=True)] == ["Nice", "Bad bad", "Meh"]


def test_imdb_shuffle_covers_all_rows(imdb):
    ms.set_seed(3)
    rows = [str(t) for t, _ in ds.IMDBDataset(imdb).create_tuple_iterator(output_numpy=True)]
    assert sorted(rows) == sorted(["Loved it", "Great film.", "Awful.", "Nice", "Bad bad", "Meh"])


def test_imdb_bad_usage_and_folder(tmp_path, imdb):
    with pytest.raises(ValueError, match="usage"):
        ds.IMDBDataset(imdb, usage="valid")
    with pytest.raises(ValueError, match="does not exist"):
        ds.IMDBDataset(str(tmp_path / "nothing"))


def test_vocab_from_list_and_lookup():
    v = text.Vocab.from_list(["a", "b", "c"], ["<pad>", "<unk>"], True)
    assert v.vocab() == {"<pad>": 0, "<unk>": 1, "a": 2, "b": 3, "c": 4}
    assert v.tokens_to_ids(["a", "zz"]) == [2, -1] and v.tokens_to_ids("c") == 4
    assert v.ids_to_tokens([0, 4, 99]) == ["<pad>", "c", ""] and v.ids_to_tokens(3) == "b"
    last = text.Vocab.from_list(["a", "b"], ["<pad>"], special_first=False)
    assert last.vocab() == {"a": 0, "b": 1, "<pad>": 2}
    out = text.Lookup(v, "<unk>")(np.array(["a", "zz", "c"]))
    assert out.dtype == np.int32 and out.tolist() == [2, 1, 4]
    assert text.Lookup(v, data_type=ms.int64)(np.array(["b"])).dtype == np.int64
    with pytest.raises(RuntimeError, match="zz"):
        text.Lookup(v)(np.array(["zz"]))
    with pytest.raises(ValueError, match="duplicate"):
        text.Vocab.from_list(["a", "a"])
    with pytest.raises(TypeError):
        text.Lookup(v, data_type=np.int32)


def test_vocab_from_dataset_counts_and_ties():
    data = ds.NumpySlicesDataset([["b", "a", "c"], ["c", "b", "d"], ["c", "e", "a"]], column_names=["t"],
                                 shuffle=False)
    v = text.Vocab.from_dataset(data, special_tokens=["<unk>"])
    assert v.vocab() == {"<unk>": 0, "c": 1, "a": 2, "b": 3, "d": 4, "e": 5}
    v = text.Vocab.from_dataset(data, freq_range=(2, None), top_k=1, special_first=False, special_tokens=["<u>"])
    assert v.vocab() == {"c": 0, "<u>": 1}


def test_vocab_from_file(tmp_path):
    p = tmp_path / "v.txt"
    p.write_text("hello,1\nworld,2\nfoo,3\n")
    v = text.Vocab.from_file(str(p), ",", vocab_size=2, special_tokens=["<pad>"])
    assert v.vocab() == {"<pad>": 0, "hello": 1, "world": 2}


def test_glove_vectors_and_to_vectors(tmp_path):
    p = tmp_path / "glove.6B.3d.txt"
    p.write_text("the 0.1 0.2 0.3\nCat 1 2 3\ndog -1 -2 -3.5\n")
    g = text.GloVe.from_file(str(p))
    vec = text.ToVectors(g)(np.array(["the", "dog", "zebra"]))
    assert vec.dtype == np.float32 and vec.shape == (3, 3)
    np.testing.assert_array_equal(vec, np.array([[0.1, 0.2, 0.3], [-1, -2, -3.5], [0, 0, 0]], np.float32))
    assert text.ToVectors(g, unk_init=[9, 9, 9], lower_case_backup=True)(np.array("CAT")).tolist() == [9, 9, 9]
    assert text.ToVectors(g, lower_case_backup=True)(np.array("THE")).tolist() == pytest.approx([0.1, 0.2, 0.3])
    assert len(text.GloVe.from_file(str(p), max_vectors=2)._index) == 2
    other = tmp_path / "vectors.txt"
    other.write_text("2 2\na 1 2\nb 3 4\n")
    assert text.ToVectors(text.Vectors.from_file(str(other)))(np.array(["b"])).tolist() == [[3, 4]]


def test_tokenizers_on_ascii_unicode_and_empty():
    ws = text.WhitespaceTokenizer(with_offsets=True)
    tok, a, b = ws("hello  world \t x")
    assert tok.tolist() == ["hello", "world", "x"] and a.tolist() == [0, 7, 15] and b.tolist() == [5, 12, 16]
    assert a.dtype == np.uint32
    assert text.WhitespaceTokenizer()("").tolist() == [""]
    bt = text.BasicTokenizer()
    assert bt("Hello, World!  Café naïve").tolist() == ["Hello", ",", "World", "!", "Café", "naïve"]
    assert bt("中文 ok。").tolist() == ["中", "文", "ok", "。"]
    assert text.BasicTokenizer(lower_case=True)("ÀÉÎ straße [UNK]").tolist() == ["aei", "strasse", "[UNK]"]
    assert text.BasicTokenizer(keep_whitespace=True)("a  b").tolist() == ["a", "  ", "b"]
    assert text.BasicTokenizer(preserve_unused_token=False)("[CLS] x").tolist() == ["[", "CLS", "]", "x"]
    _, s, e = text.BasicTokenizer(with_offsets=True)("é,x")
    assert s.tolist() == [0, 2, 3] and e.tolist() == [2, 3, 4]        # UTF-8 byte offsets
    with pytest.raises(RuntimeError, match="scalar"):
        bt(np.array(["a", "b"]))
    assert text.PythonTokenizer(lambda s: s.split("-"))(np.array("a-b")).tolist() == ["a", "b"]


def test_sliding_window_ngram_to_number():
    assert text.SlidingWindow(2)(np.array([1, 2, 3])).tolist() == [[1, 2], [2, 3]]
    assert text.SlidingWindow(4)(np.array([1, 2, 3])).shape == (0,)
    assert text.Ngram(2)(np.array(["a", "b", "c"])).tolist() == ["a b", "b c"]
    assert text.Ngram([1, 3], ("<", 1), (">", 1), "-")(np.array(["a", "b"])).tolist() == [
        "<", "a", "b", ">", "<-a-b", "a-b->"]
    out = text.ToNumber(ms.int32)(np.array(["1", "-2"]))
    assert out.dtype == np.int32 and out.tolist() == [1, -2]
    with pytest.raises(RuntimeError):
        text.ToNumber(ms.int8)(np.array(["300"]))
    assert text.ToNumber(ms.int32)(np.array(["1.5"])).tolist() == [1]     # the leading integer, as MindSpore
    with pytest.raises(RuntimeError):
        text.ToNumber(ms.int32)(np.array(["x1"]))


def test_pad_end_concatenate_fill_slice_mask():
    assert T.PadEnd([5], 0)(np.array([1, 2, 3])).tolist() == [1, 2, 3, 0, 0]
    assert T.PadEnd([2])(np.array([1, 2, 3])).tolist() == [1, 2]
    assert T.PadEnd([3], "<pad>")(np.array(["a"])).tolist() == ["a", "<pad>", "<pad>"]
    assert T.Concatenate(0, np.array([0]), np.array([9]))(np.array([1, 2])).tolist() == [0, 1, 2, 9]
    assert T.Fill(7)(np.array([1, 2])).tolist() == [7, 7]
    assert T.Slice(slice(1, 3))(np.array([1, 2, 3, 4])).tolist() == [2, 3]
    assert T.Mask(T.Relational.GT, 1)(np.array([1, 2])).tolist() == [False, True]


def test_padded_batch_pads_per_batch():
    rows = [np.arange(n, dtype=np.int32) for n in (1, 3, 2)]
    d = ds.GeneratorDataset(lambda: iter([(r,) for r in rows]), ["x"], shuffle=False)
    got = [b[0].tolist() for b in d.padded_batch(2, pad_info={"x": (None, -1)}).create_tuple_iterator(
        output_numpy=True)]
    assert got == [[[0, -1, -1], [0, 1, 2]], [[0, 1]]]
    got = [b[0].tolist() for b in d.batch(3, pad_info={"x": ([4], 0)}).create_tuple_iterator(output_numpy=True)]
    assert got == [[[0, 0, 0, 0], [0, 1, 2, 0], [0, 1, 0, 0]]]
    with pytest.raises(RuntimeError, match="rank"):
        list(d.padded_batch(2, pad_info={"x": ([2, 2], 0)}))
    with pytest.raises(RuntimeError, match="different shapes"):
        list(d.batch(2))


def test_imdb_pipeline_vocab_lookup_pad(imdb):
    """The sentiment tutorial's pipeline: tokenize, build a vocab, look up, pad, batch."""
    d = ds.IMDBDataset(imdb, usage="train", shuffle=False).map(text.BasicTokenizer(lower_case=True), "text")
    vocab = text.Vocab.from_dataset(d, columns=["text"], special_tokens=["<pad>", "<unk>"])
    d = d.map(text.Lookup(vocab, "<unk>"), "text").map(T.PadEnd([4], vocab.tokens_to_ids("<pad>")), "text")
    d = d.map(T.TypeCast(ms.float32), "label").batch(2)
    batches = list(d.create_tuple_iterator())
    assert batches[0][0].shape == (2, 4) and str(batches[0][0].dtype) == "Int32"
    assert str(batches[0][1].dtype) == "Float32"
    ids = vocab.vocab()
    assert batches[0][0].asnumpy()[0].tolist() == [ids["loved"], ids["it"], 0, 0]


def test_textfile_interleaves_files_like_mindspore(tmp_path):
    files = []
    for k, n in enumerate([5, 2, 3]):
        p = tmp_path / f"f{k}.txt"
        p.write_text("\n".join(f"f{k}l{i}" for i in range(n)) + "\n\n")
        files.append(str(p))
    rows = lambda **kw: [str(r[0]) for r in ds.TextFileDataset(files, shuffle=False, **kw).create_tuple_iterator(
        output_numpy=True)]
    assert rows(num_parallel_workers=1) == [f"f0l{i}" for i in range(5)] + ["f1l0", "f1l1", "f2l0", "f2l1", "f2l2"]
    assert rows(num_parallel_workers=2) == ["f0l0", "f1l0", "f0l1", "f1l1", "f0l2", "f0l3", "f0l4", "f2l0",
                                            "f2l1", "f2l2"]
    assert rows(num_parallel_workers=2, num_shards=3, shard_id=2) == ["f2l1", "f0l0", "f2l2", "f0l1"]
    ms.set_seed(0)
    assert sorted(rows()) == sorted(rows(num_parallel_workers=1))


def test_csv_quotes_types_and_errors(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text('a,b,c\n1,"x, ""y""",2.5\n3,"multi\nline",-1e2\n')
    d = ds.CSVDataset(str(p), column_defaults=[0, "", 0.0], shuffle=False)
    assert d.get_col_names() == ["a", "b", "c"]
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert [r[1].tolist() for r in rows] == ['x, "y"', "multi\nline"]
    assert rows[0][0].dtype == np.int32 and rows[0][2].dtype == np.float32 and rows[1][2] == -100.0
    assert [r[0].dtype.kind for r in ds.CSVDataset(str(p), shuffle=False).create_tuple_iterator(
        output_numpy=True)] == ["U", "U"]
    with pytest.raises(ValueError, match="field_delim"):
        ds.CSVDataset(str(p), field_delim="ab")
    with pytest.raises(ValueError, match="did not match"):
        ds.CSVDataset(str(tmp_path / "none.csv"))
