"""Checkpoints: byte identity with files saved by MindSpore 2.10 (tests/golden/ckpt), loading them, round trips,
load_param_into_net semantics, error messages and crash safety of saving. The networks are real ``nn`` Cells.
"""
import json
import os
import stat
import subprocess
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Parameter, Tensor, _fileio, nn
from minispore.train import load_checkpoint, load_param_into_net, save_checkpoint
from minispore.train import serialization

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(os.path.dirname(HERE), "golden", "ckpt")
NN_JSON = os.path.join(os.path.dirname(HERE), "golden", "nn.json")

W = np.array([[1, 2, 3], [4, 5, 6]], np.float32)
B = np.array([0.5, -0.5], np.float32)


# --------------------------------------------------------------------------------------------------- networks
def dense(w, b, dtype=None):
    """nn.Dense(in, out) with the given weight / bias (numpy)."""
    if dtype is not None:
        w, b = w.astype(dtype.np_dtype), b.astype(dtype.np_dtype)
    kw = {} if dtype is None else {"dtype": dtype}
    return nn.Dense(w.shape[1], w.shape[0], weight_init=Tensor(w), bias_init=Tensor(b), **kw)


def net_of(**attrs):
    """A Cell with the given Parameters / sub-cells as attributes (in this order)."""
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            for k, v in attrs.items():
                setattr(self, k, v)
    return Net()


def sample_net(w=W, b=B, step=7):
    """Reference §5.3's net: Dense(3, 2) as `fc` plus a 0-d Int32 `step` (requires_grad=False)."""
    return net_of(fc=dense(w, b), step=Parameter(Tensor(np.array(step, np.int32)), name="step", requires_grad=False))


def params(net):
    return {p.name: p for _, p in net.parameters_and_names()}


def golden_bytes(name):
    with open(os.path.join(GOLDEN, name), "rb") as f:
        return f.read()


def golden_case(name):
    with open(NN_JSON) as f:
        cases = json.load(f)["cases"]
    assert name in cases, f"golden case {name} is missing from {NN_JSON}"   # a lost golden fails, never skips
    return dict(cases[name]["dict"])


def read(path):
    with open(path, "rb") as f:
        return f.read()


# --------------------------------------------------------------------------------------------- byte identity
SAMPLE_HEX = ("0a150a0473746570120d1205496e7433321a04070000000a340a0966632e7765696768741227080208031207466c6f61"
              "7433321a180000803f0000004000004040000080400000a0400000c0400a200a0766632e62696173121508021207466c"
              "6f617433321a080000003f000000bf")

# MindSpore 2.10's compiled mindspore/train/checkpoint_pb2.py descriptor
MS_DESCRIPTOR = bytes.fromhex(
    "0a10636865636b706f696e742e70726f746f2293010a0a436865636b706f696e7412200a0576616c756518012003280b"
    "32112e436865636b706f696e742e56616c75651a630a0556616c7565120b0a03746167180120022809121e0a0674656e"
    "736f7218022001280b320c2e54656e736f7250726f746f480012240a096d617074656e736f7218032001280b320f2e4d"
    "617054656e736f7250726f746f480042070a0576616c756522480a0b54656e736f7250726f746f120c0a0464696d7318"
    "012003280312130a0b74656e736f725f7479706518022002280912160a0e74656e736f725f636f6e74656e7418032002"
    "280c222e0a0e4d617054656e736f7250726f746f121c0a0674656e736f7218012003280b320c2e54656e736f7250726f"
    "746f")


def test_descriptor_equals_mindspores():
    from minispore.train import _checkpoint_proto
    assert _checkpoint_proto._file_descriptor_proto().SerializeToString() == MS_DESCRIPTOR


def test_golden_sample_is_reference_hex():
    assert golden_bytes("sample.ckpt").hex() == SAMPLE_HEX


@pytest.mark.parametrize("fname,kw", [
    ("sample.ckpt", {}),
    ("sample_append.ckpt", {"append_dict": {"epoch_num": 3, "lr": 0.01, "tag": "hello"}}),
    ("sample_crc.ckpt", {"crc_check": True}),
    ("sample.safetensors", {"format": "safetensors"}),
])
def test_save_is_byte_identical_to_mindspore(tmp_path, fname, kw):
    path = tmp_path / fname
    save_checkpoint(sample_net(), str(path), **kw)
    assert read(path) == golden_bytes(fname)
    assert sorted(os.listdir(tmp_path)) == [fname]          # no temp file left behind
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o400
    save_checkpoint(sample_net(), str(path), **kw)            # over the read-only file
    assert read(path) == golden_bytes(fname)
    assert sorted(os.listdir(tmp_path)) == [fname]


def test_save_no_extension_appends_ckpt(tmp_path):
    save_checkpoint(sample_net(), str(tmp_path / "noext"))
    assert sorted(os.listdir(tmp_path)) == ["noext.ckpt"]
    assert read(tmp_path / "noext.ckpt") == golden_bytes("sample.ckpt")
    save_checkpoint(sample_net(), str(tmp_path / "x.foo"))   # MindSpore: any other ending gets '.ckpt' too
    assert "x.foo.ckpt" in os.listdir(tmp_path)


def test_save_param_list_and_dict_list_match_mindspore(tmp_path):
    net = sample_net()
    trainable = [p for p in params(net).values() if p.requires_grad]
    save_checkpoint(trainable, str(tmp_path / "plist.ckpt"))
    assert read(tmp_path / "plist.ckpt").hex() == golden_case("ckpt.save_param_list")["hex"]
    save_checkpoint([{"name": "a", "data": Tensor(np.array([1.0, 2.0], np.float32))},
                     {"name": "b", "data": Tensor(np.array(3, np.int64))}], str(tmp_path / "dlist.ckpt"))
    assert read(tmp_path / "dlist.ckpt").hex() == golden_case("ckpt.save_dict_list")["hex"]


@pytest.mark.parametrize("fname", ["sample.ckpt", "sample_append.ckpt", "multi.ckpt"])
def test_load_then_save_reproduces_mindspore_file(tmp_path, fname):
    d = load_checkpoint(os.path.join(GOLDEN, fname))
    save_checkpoint(d, str(tmp_path / fname))
    assert read(tmp_path / fname) == golden_bytes(fname)


def test_load_then_save_crc_reproduces_file(tmp_path):
    d = load_checkpoint(os.path.join(GOLDEN, "sample_crc.ckpt"), crc_check=True)
    save_checkpoint(d, str(tmp_path / "c.ckpt"), crc_check=True)
    assert read(tmp_path / "c.ckpt") == golden_bytes("sample_crc.ckpt")


def test_save_multi_matches_mindspore(tmp_path):
    golden = load_checkpoint(os.path.join(GOLDEN, "multi.ckpt"))
    arr = {k: v.asnumpy() for k, v in golden.items()}
    fc1 = dense(arr["fc1.weight"], arr["fc1.bias"])
    fc2 = dense(arr["fc2.weight"], arr["fc2.bias"])
    kinds = {"h": True, "d": True, "i32": False, "i64": False, "flag": False, "u8": False}
    own = {k: Parameter(Tensor(arr[k]), name=k, requires_grad=rg) for k, rg in kinds.items()}
    net = net_of(fc1=fc1, fc2=fc2, **own)
    save_checkpoint(net, str(tmp_path / "multi.ckpt"))
    assert read(tmp_path / "multi.ckpt") == golden_bytes("multi.ckpt")


# ---------------------------------------------------------------------------------------------------- loading
def test_load_sample():
    d = load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"))
    assert list(d) == ["step", "fc.weight", "fc.bias"]
    for k, p in d.items():
        assert isinstance(p, Parameter) and p.name == k and p.requires_grad
    assert str(d["step"].dtype) == "Int32" and d["step"].shape == () and int(d["step"].asnumpy()) == 7
    np.testing.assert_array_equal(d["fc.weight"].asnumpy(), W)
    np.testing.assert_array_equal(d["fc.bias"].asnumpy(), B)
    d["fc.weight"].asnumpy()[0, 0] = 9          # loaded data is writable (not a view of protobuf bytes)


def test_load_append():
    d = load_checkpoint(os.path.join(GOLDEN, "sample_append.ckpt"))
    assert list(d) == ["step", "fc.weight", "fc.bias", "epoch_num", "lr", "tag"]
    assert str(d["epoch_num"].dtype) == "Int64" and int(d["epoch_num"].asnumpy()) == 3
    assert str(d["lr"].dtype) == "Float32" and d["lr"].asnumpy() == np.float32(0.01)
    assert d["tag"] == "hello" and type(d["tag"]) is str


def test_load_crc_file_with_and_without_check():
    a = load_checkpoint(os.path.join(GOLDEN, "sample_crc.ckpt"), crc_check=True)
    b = load_checkpoint(os.path.join(GOLDEN, "sample_crc.ckpt"))
    assert list(a) == list(b) == ["step", "fc.weight", "fc.bias"]
    # a file without a crc trailer loads with crc_check=True too (MindSpore only warns)
    assert list(load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"), crc_check=True)) == list(a)


def test_load_multi_all_dtypes():
    d = load_checkpoint(os.path.join(GOLDEN, "multi.ckpt"))
    types = {k: str(v.dtype) for k, v in d.items()}
    assert types == {"h": "Float16", "d": "Float64", "i32": "Int32", "i64": "Int64", "flag": "Bool", "u8": "UInt8",
                     "fc1.weight": "Float32", "fc1.bias": "Float32", "fc2.weight": "Float32", "fc2.bias": "Float32"}
    np.testing.assert_array_equal(d["i64"].asnumpy(), [[2 ** 40, -5]])
    np.testing.assert_array_equal(d["flag"].asnumpy(), [True, False, True])
    np.testing.assert_array_equal(d["u8"].asnumpy(), [0, 7, 255])
    np.testing.assert_array_equal(d["i32"].asnumpy(), [1, -2, 3])
    assert d["fc1.weight"].shape == (4, 8) and d["d"].shape == (2, 2)


def test_load_safetensors():
    d = load_checkpoint(os.path.join(GOLDEN, "sample.safetensors"), format="safetensors")
    assert list(d) == ["fc.bias", "fc.weight", "step"]
    np.testing.assert_array_equal(d["fc.weight"].asnumpy(), W)
    assert str(d["step"].dtype) == "Int32" and int(d["step"].asnumpy()) == 7
    assert all(p.name.startswith("Parameter#") for p in d.values())    # MindSpore 2.10's naming quirk


def test_load_safetensors_from_bytesio():
    import io
    d = load_checkpoint(io.BytesIO(golden_bytes("sample.safetensors")), format="safetensors")
    np.testing.assert_array_equal(d["fc.bias"].asnumpy(), B)


def test_filter_specify_prefix_and_choice_func():
    f = os.path.join(GOLDEN, "sample.ckpt")
    assert list(load_checkpoint(f, filter_prefix="fc")) == ["step"]
    assert list(load_checkpoint(f, specify_prefix=["fc"])) == ["fc.weight", "fc.bias"]
    assert list(load_checkpoint(f, choice_func=lambda n: n.endswith("bias"))) == ["fc.bias"]
    # a prefix overrides choice_func
    assert list(load_checkpoint(f, filter_prefix="step", choice_func=lambda n: False)) == ["fc.weight", "fc.bias"]
    with pytest.raises(ValueError, match="empty after filter"):
        load_checkpoint(f, specify_prefix="nothing")
    with pytest.raises(TypeError):
        load_checkpoint(f, filter_prefix=3)
    with pytest.raises(ValueError):
        load_checkpoint(f, filter_prefix=[])


def test_load_into_net_kwarg():
    net = sample_net(w=np.zeros((2, 3), np.float32), b=np.zeros(2, np.float32), step=0)
    d = load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"), net=net)
    assert sorted(d) == ["fc.bias", "fc.weight", "step"]
    np.testing.assert_array_equal(params(net)["fc.weight"].asnumpy(), W)
    assert int(params(net)["step"].asnumpy()) == 7


def test_concatenates_chunks_of_one_parameter(tmp_path, monkeypatch):
    monkeypatch.setattr(serialization, "_CHUNK_BYTES", 8)      # MindSpore splits at 512 MiB
    x = np.arange(10, dtype=np.float32).reshape(5, 2)
    save_checkpoint([Parameter(Tensor(x), name="x"), Parameter(Tensor(np.ones(3, np.int8)), name="y")],
                    str(tmp_path / "c.ckpt"))
    raw = read(tmp_path / "c.ckpt")
    assert raw.count(b"\x0a\x01x") == 5                       # 40 bytes in 8-byte chunks: five records tagged 'x'
    monkeypatch.undo()
    d = load_checkpoint(str(tmp_path / "c.ckpt"))
    np.testing.assert_array_equal(d["x"].asnumpy(), x)
    np.testing.assert_array_equal(d["y"].asnumpy(), np.ones(3, np.int8))


# ------------------------------------------------------------------------------------------------- round trips
ALL_DTYPES = [np.float16, np.float32, np.float64, np.int8, np.int16, np.int32, np.int64,
              np.uint8, np.uint16, np.uint32, np.uint64, np.bool_]


def _dtype_params():
    rng = np.random.default_rng(0)
    out = []
    for i, dt in enumerate(ALL_DTYPES):
        if dt is np.bool_:
            a = rng.random((2, 3)) > 0.5
        elif np.issubdtype(dt, np.integer):
            info = np.iinfo(dt)
            a = np.array([[info.min, info.max, 0], [1, 2, 3]], dt)
        else:
            a = rng.standard_normal((2, 3)).astype(dt)
        out.append(Parameter(Tensor(a), name=f"p{i}_{np.dtype(dt).name}"))
    out.append(Parameter(Tensor(np.array(1.5, np.float64)), name="scalar"))
    out.append(Parameter(Tensor(rng.standard_normal((2, 1, 3, 1)).astype(np.float32)), name="four_d"))
    return out


@pytest.mark.parametrize("fmt", ["ckpt", "safetensors"])
def test_round_trip_all_dtypes(tmp_path, fmt):
    ps = _dtype_params()
    path = str(tmp_path / ("rt." + fmt))
    save_checkpoint(ps, path, format=fmt)
    d = load_checkpoint(path, format=fmt)
    assert sorted(d) == sorted(p.name for p in ps)
    for p in ps:
        q = d[p.name]
        assert q.dtype == p.dtype and q.shape == p.shape, p.name
        np.testing.assert_array_equal(q.asnumpy(), p.asnumpy())


@pytest.mark.parametrize("fmt", ["ckpt", "safetensors"])
def test_round_trip_crc(tmp_path, fmt):
    ps = _dtype_params()
    path = str(tmp_path / ("rt." + fmt))
    save_checkpoint(ps, path, format=fmt, crc_check=True)
    d = load_checkpoint(path, format=fmt, crc_check=True)
    assert sorted(d) == sorted(p.name for p in ps)


def test_round_trip_dict_of_everything(tmp_path):
    obj = {"arr": np.arange(3, dtype=np.float64), "s": "héllo ✓", "e": "", "t": Tensor(np.array([1, 2], np.int16)),
           "p": Parameter(Tensor(np.array([True])), name="other_name")}
    save_checkpoint(obj, str(tmp_path / "d.ckpt"))
    d = load_checkpoint(str(tmp_path / "d.ckpt"))
    assert list(d) == ["arr", "s", "e", "t", "p"]             # dict keys, not param.name
    assert d["s"] == "héllo ✓" and d["e"] == ""
    assert str(d["arr"].dtype) == "Float64" and str(d["t"].dtype) == "Int16" and str(d["p"].dtype) == "Bool"


def test_append_dict_types(tmp_path):
    save_checkpoint([Parameter(Tensor(np.ones(2, np.float32)), name="x")], str(tmp_path / "a.ckpt"),
                    append_dict={"i": 3, "f": 0.5, "b": True, "s": "hi", "t": Tensor(np.array([1, 2], np.int16))})
    d = load_checkpoint(str(tmp_path / "a.ckpt"))
    assert list(d) == ["x", "i", "f", "b", "s", "t"]
    assert [str(d[k].dtype) for k in "ifbt"] == ["Int64", "Float32", "Bool", "Int16"]
    assert d["s"] == "hi"
    with pytest.raises(TypeError):
        save_checkpoint([], str(tmp_path / "bad.ckpt"), append_dict={"x": [1, 2]})
    with pytest.raises(TypeError):
        save_checkpoint([], str(tmp_path / "bad.ckpt"), append_dict=[("x", 1)])


def test_save_choice_func_and_duplicates(tmp_path):
    save_checkpoint(sample_net(), str(tmp_path / "c.ckpt"), choice_func=lambda n: n.startswith("fc"))
    assert list(load_checkpoint(str(tmp_path / "c.ckpt"))) == ["fc.weight", "fc.bias"]
    # a duplicate name keeps the first position and the last data (MindSpore's OrderedDict)
    save_checkpoint([Parameter(Tensor(np.ones(2, np.float32)), name="x"),
                     Parameter(Tensor(np.zeros(3, np.int8)), name="y"),
                     Parameter(Tensor(np.zeros(3, np.int8)), name="x")], str(tmp_path / "dup.ckpt"))
    d = load_checkpoint(str(tmp_path / "dup.ckpt"))
    assert list(d) == ["x", "y"] and str(d["x"].dtype) == "Int8"


def test_empty_tensor_is_not_written(tmp_path):
    # MindSpore 2.10 writes no record at all for a tensor without elements
    save_checkpoint([Parameter(Tensor(np.zeros((0,), np.float32)), name="e"),
                     Parameter(Tensor(np.ones(2, np.float32)), name="o")], str(tmp_path / "e.ckpt"))
    assert read(tmp_path / "e.ckpt").hex() == "0a1a0a016f121508021207466c6f617433321a080000803f0000803f"


def test_save_bad_arguments(tmp_path):
    p = str(tmp_path / "x.ckpt")
    with pytest.raises(TypeError):
        save_checkpoint(Tensor(np.ones(2, np.float32)), p)
    with pytest.raises(TypeError):
        save_checkpoint([1, 2], p)
    with pytest.raises(TypeError):
        save_checkpoint([{"name": "a", "data": 1}], p)
    with pytest.raises(TypeError):
        save_checkpoint({"a": 1.0}, p)
    with pytest.raises(TypeError):
        save_checkpoint([], 3)
    with pytest.raises(ValueError, match="format"):
        save_checkpoint([], p, format="onnx")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        save_checkpoint([], str(tmp_path / "no_such_dir" / "x.ckpt"))
    with pytest.raises(IsADirectoryError):
        save_checkpoint([], str(tmp_path))
    with pytest.raises(ValueError, match="async_save"):
        save_checkpoint([], p, async_save="later")
    with pytest.raises(ValueError, match="not supported"):
        save_checkpoint(sample_net(), p, enc_key=b"0123456789abcdef")
    with pytest.raises(ValueError, match="not supported"):
        load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"), dec_key=b"0123456789abcdef")
    with pytest.raises(TypeError):
        save_checkpoint({"s": "x"}, str(tmp_path / "x.safetensors"), format="safetensors")
    assert not os.path.exists(p)


def test_async_save_is_accepted(tmp_path):
    save_checkpoint(sample_net(), str(tmp_path / "a.ckpt"), async_save=True)
    assert read(tmp_path / "a.ckpt") == golden_bytes("sample.ckpt")


# --------------------------------------------------------------------------------------------- load_param_into_net
def test_into_exact():
    net = sample_net(w=np.zeros((2, 3), np.float32), b=np.zeros(2, np.float32), step=0)
    res = load_param_into_net(net, load_checkpoint(os.path.join(GOLDEN, "sample.ckpt")))
    assert res == ([], [])
    np.testing.assert_array_equal(params(net)["fc.bias"].asnumpy(), B)
    assert params(net)["step"].requires_grad is False          # the net's flags are kept


def test_into_extra_and_missing_keys():
    net = net_of(fc=dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32)))
    assert load_param_into_net(net, load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"))) == ([], ["step"])
    np.testing.assert_array_equal(params(net)["fc.weight"].asnumpy(), W)

    net = net_of(fc=dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32)),
                 step=Parameter(Tensor(np.array(0, np.int32)), name="step", requires_grad=False),
                 extra=Parameter(Tensor(np.ones(2, np.float32)), name="extra"))
    assert load_param_into_net(net, load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"))) == (["extra"], [])
    np.testing.assert_array_equal(params(net)["extra"].asnumpy(), [1, 1])


def test_into_prefix_strip():
    pd = load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"))
    net = dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32))
    # loaded by stripping 'fc.', but ckpt_not_load is not updated after prefix matching (MindSpore)
    assert load_param_into_net(net, pd) == ([], ["step", "fc.weight", "fc.bias"])
    np.testing.assert_array_equal(params(net)["weight"].asnumpy(), W)
    np.testing.assert_array_equal(params(net)["bias"].asnumpy(), B)

    net = dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32))
    assert load_param_into_net(net, pd, strict_load=True) == (["weight", "bias"], ["step", "fc.weight", "fc.bias"])
    np.testing.assert_array_equal(params(net)["weight"].asnumpy(), np.zeros((2, 3)))

    net = net_of(fc=dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32)))
    pd2 = {"backbone." + k: v for k, v in pd.items()}
    assert load_param_into_net(net, pd2) == ([], ["backbone.step", "backbone.fc.weight", "backbone.fc.bias"])
    np.testing.assert_array_equal(params(net)["fc.weight"].asnumpy(), W)


def test_into_dtype_cast_and_strict_error():
    pd = load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"))
    net = net_of(fc=dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32), dtype=ms.float16))
    assert load_param_into_net(net, pd) == ([], ["step"])
    w = params(net)["fc.weight"]
    assert str(w.dtype) == "Float16"
    np.testing.assert_array_equal(w.asnumpy(), W.astype(np.float16))

    net = net_of(fc=dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32), dtype=ms.float16))
    with pytest.raises(RuntimeError, match=r"fc\.weight in the argument 'net' should have the same type as fc\.weight"
                                           r" in the argument 'parameter_dict'\. but got its type Float16 in the "
                                           r"argument 'net' and type Float32"):
        load_param_into_net(net, pd, strict_load=True)

    # int -> float is never cast
    net = net_of(step=Parameter(Tensor(np.array(0.0, np.float32)), name="step"))
    with pytest.raises(RuntimeError, match="same type"):
        load_param_into_net(net, pd)


def test_into_shape_mismatch():
    pd = load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"))
    net = net_of(fc=dense(np.zeros((2, 2), np.float32), np.zeros(2, np.float32)))
    with pytest.raises(RuntimeError) as e:
        load_param_into_net(net, pd)
    msg = str(e.value)
    assert "fc.weight" in msg and "(2, 2)" in msg and "(2, 3)" in msg
    assert msg.startswith("For 'load_param_into_net', fc.weight in the argument 'net' should have the same shape")


def test_into_squeezes_trailing_ones():
    net = net_of(w=Parameter(Tensor(np.zeros((2, 3), np.float32)), name="w"))
    pd = {"w": Parameter(Tensor(np.arange(6, dtype=np.float32).reshape(2, 3, 1, 1)), name="w")}
    assert load_param_into_net(net, pd) == ([], [])
    np.testing.assert_array_equal(params(net)["w"].asnumpy(), np.arange(6).reshape(2, 3))


def test_into_skips_str_entries_and_checks_types():
    net = net_of(fc=dense(np.zeros((2, 3), np.float32), np.zeros(2, np.float32)))
    pd = load_checkpoint(os.path.join(GOLDEN, "sample_append.ckpt"))
    pd["fc.bias"] = "not a tensor"
    not_loaded, ckpt_not_loaded = load_param_into_net(net, pd)
    assert not_loaded == [] and "fc.bias" in ckpt_not_loaded and "tag" in ckpt_not_loaded
    with pytest.raises(TypeError, match="should be a Cell"):
        load_param_into_net([1], pd)
    with pytest.raises(TypeError, match="should be a dict"):
        load_param_into_net(net, [])
    with pytest.raises(TypeError):
        load_param_into_net(net, {"fc.weight": Tensor(W)})


# ------------------------------------------------------------------------------------------------------- errors
def test_missing_file():
    with pytest.raises(ValueError, match=r"does_not_exist\.ckpt does not exist"):
        load_checkpoint(os.path.join(GOLDEN, "does_not_exist.ckpt"))


def test_wrong_format():
    f = os.path.join(GOLDEN, "sample.safetensors")
    with pytest.raises(ValueError, match="format must same with 'format'") as e:
        load_checkpoint(f)
    assert "sample.safetensors" in str(e.value)
    with pytest.raises(ValueError, match="format must same with 'format'"):
        load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"), format="safetensors")
    with pytest.raises(ValueError):
        load_checkpoint(os.path.join(GOLDEN, "sample.ckpt"), format="pt")


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_truncated_file(tmp_path):
    data = golden_bytes("multi.ckpt")
    for n in (1, 2, 5, 30, len(data) // 2, len(data) - 1):
        p = _write(tmp_path, f"t{n}.ckpt", data[:n])
        with pytest.raises(ValueError, match="truncated") as e:
            load_checkpoint(p)
        assert p in str(e.value)


def test_every_truncation_is_an_error_or_a_prefix(tmp_path):
    data = golden_bytes("sample_append.ckpt")
    full = load_checkpoint(os.path.join(GOLDEN, "sample_append.ckpt"))
    for n in range(len(data)):
        p = _write(tmp_path, "t.ckpt", data[:n])
        try:
            d = load_checkpoint(p)
        except ValueError as e:
            assert p in str(e)
        else:                       # cut exactly at a record boundary: a valid, shorter checkpoint
            assert list(d) == list(full)[:len(d)]


def test_foreign_bytes(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    p = _write(tmp_path, "img.ckpt", png)
    with pytest.raises(ValueError, match="not a MindSpore checkpoint") as e:
        load_checkpoint(p)
    assert p in str(e.value)
    rng = np.random.default_rng(1)
    for i in range(20):
        p = _write(tmp_path, f"r{i}.ckpt", rng.bytes(200))
        with pytest.raises(ValueError) as e:
            load_checkpoint(p)
        assert p in str(e.value)
    p = _write(tmp_path, "text.ckpt", b"hello world, this is not a checkpoint\n")
    with pytest.raises(ValueError, match="not a MindSpore checkpoint"):
        load_checkpoint(p)


def test_safetensors_content_in_ckpt_file(tmp_path):
    p = _write(tmp_path, "renamed.ckpt", golden_bytes("sample.safetensors"))
    with pytest.raises(ValueError, match="format='safetensors'"):
        load_checkpoint(p)
    p = _write(tmp_path, "renamed.safetensors", golden_bytes("sample.ckpt"))
    with pytest.raises(ValueError, match="renamed.safetensors"):
        load_checkpoint(p, format="safetensors")


def test_corrupt_record_contents(tmp_path):
    data = bytearray(golden_bytes("sample.ckpt"))
    i = data.index(b"Float32")
    bad_type = bytes(data[:i]) + b"Flaot32" + bytes(data[i + 7:])
    p = _write(tmp_path, "badtype.ckpt", bad_type)
    with pytest.raises(ValueError, match="Flaot32") as e:
        load_checkpoint(p)
    assert "fc.weight" in str(e.value) and p in str(e.value)
    # a record that parses but whose content length doesn't fit the shape
    from minispore.train._checkpoint_proto import Checkpoint
    msg = Checkpoint()
    v = msg.value.add()
    v.tag = "w"
    v.tensor.dims.extend([2, 3])
    v.tensor.tensor_type = "Float32"
    v.tensor.tensor_content = b"\0" * 20
    p = _write(tmp_path, "short.ckpt", msg.SerializeToString())
    with pytest.raises(ValueError, match=r"needs 24 bytes but has 20"):
        load_checkpoint(p)
    # the required tensor_type missing
    p = _write(tmp_path, "noreq.ckpt", bytes.fromhex("0a090a0177120408021a00"))
    with pytest.raises(ValueError, match="noreq.ckpt"):
        load_checkpoint(p)


def test_empty_file(tmp_path):
    p = _write(tmp_path, "empty.ckpt", b"")
    with pytest.raises(ValueError, match="no parameters"):
        load_checkpoint(p)


def test_crc_mismatch(tmp_path):
    data = bytearray(golden_bytes("sample_crc.ckpt"))
    data[data.index(b"\x00\x00\x80\x3f")] ^= 0x01          # flip a bit of fc.weight[0, 0]
    p = _write(tmp_path, "flip.ckpt", bytes(data))
    with pytest.raises(ValueError, match="crc check is failed") as e:
        load_checkpoint(p, crc_check=True)
    assert p in str(e.value)
    load_checkpoint(p)                                     # without crc_check the trailer is just stripped


def test_safetensors_crc_mismatch(tmp_path):
    p = str(tmp_path / "x.safetensors")
    save_checkpoint(sample_net(), p, format="safetensors", crc_check=True)
    data = bytearray(read(p))
    os.chmod(p, 0o600)
    data[-1] ^= 0x01
    with open(p, "wb") as f:
        f.write(bytes(data))
    with pytest.raises(ValueError, match="crc check has failed"):
        load_checkpoint(p, format="safetensors", crc_check=True)


def test_corrupt_safetensors(tmp_path):
    p = _write(tmp_path, "bad.safetensors", golden_bytes("sample.safetensors")[:100])
    with pytest.raises(ValueError, match="bad.safetensors"):
        load_checkpoint(p, format="safetensors")


# ------------------------------------------------------------------------------------------------ crash safety
def _crashing_write(fail_at, exc):
    """os.write that raises ``exc`` at its ``fail_at``-th call, after writing half of the data (a crash
    mid-write)."""
    calls = []

    def write(fd, data):
        calls.append(len(data))
        if len(calls) == fail_at:
            os.write(fd, data[: len(data) // 2])
            raise exc
        return os.write(fd, data)
    return write


@pytest.mark.parametrize("fmt,fail_at,exc", [
    ("ckpt", 2, OSError(28, "No space left on device")),
    ("ckpt", 1, KeyboardInterrupt()),
    ("safetensors", 1, OSError(28, "No space left on device")),
])
def test_crash_while_saving_keeps_previous_file(tmp_path, monkeypatch, fmt, fail_at, exc):
    path = str(tmp_path / ("model." + fmt))
    save_checkpoint(sample_net(), path, format=fmt)
    before = read(path)
    monkeypatch.setattr(_fileio, "_write", _crashing_write(fail_at, exc))
    with pytest.raises(type(exc)):
        save_checkpoint(sample_net(w=W * 2), path, format=fmt)
    assert read(path) == before
    assert os.listdir(tmp_path) == ["model." + fmt]         # no temp file left behind
    monkeypatch.undo()
    save_checkpoint(sample_net(w=W * 2), path, format=fmt)
    np.testing.assert_array_equal(load_checkpoint(path, format=fmt)["fc.weight"].asnumpy(), W * 2)


# --------------------------------------------------------------------------------------------------- imports
def test_import_minispore_does_not_import_protobuf_or_safetensors():
    code = ("import sys, minispore, minispore.train; "
            "bad = [m for m in sys.modules if m.startswith(('google.protobuf', 'safetensors'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=os.path.dirname(os.path.dirname(HERE)))
    assert r.returncode == 0, r.stdout + r.stderr
