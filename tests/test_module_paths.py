"""MindSpore's module paths on minispore beyond what the goldens (tests/test_golden_parity.py) record: the errors
of the composite helpers, user-defined Primitives, ``mindspore.log``, and ``python -m minispore run`` resolving
the paths of an unmodified script."""
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import minispore as ms
from minispore import ops
from minispore.ops import composite as C, functional as F, primitive as PR

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def T(a):
    return ms.Tensor(np.asarray(a, np.float32))


def test_multitype_func_graph_prefers_the_exact_signature_and_names_a_mismatch():
    f = C.MultitypeFuncGraph("f")

    @f.register("Number", "Number")
    def _num(a, b):
        return "number"

    @f.register("Int", "Int")
    def _int(a, b):
        return "int"

    @f.register("Tensor", "Tensor")
    def _ten(a, b):
        return "tensor"
    assert f(1, 2) == "int"
    assert f(1.0, 2) == "number"
    assert f(T(1), T(2)) == "tensor"
    with pytest.raises(TypeError, match=r"(?s)'f'.*\(Tensor\[Float32\], Int64\).*Number, Number"):
        f(T(1), 2)
    with pytest.raises(TypeError, match="type name 'Tensr'"):
        f.register("Tensr")


def test_hypermap_recurses_map_does_not_and_lengths_must_agree():
    pairs = C.Map()(lambda a, b: (a, b), ((1, 2), 3), ((4, 5), 6))
    assert pairs == (((1, 2), (4, 5)), (3, 6))
    assert C.HyperMap()(lambda a, b: a + b, ((1, 2), 3), ((4, 5), 6)) == ((5, 7), 9)
    assert C.HyperMap(lambda a: -a, reverse=True)([1, 2]) == [-1, -2]
    with pytest.raises(ValueError, match="HyperMap.*same type and length.*tuple of length 2.*tuple of length 3"):
        C.HyperMap()(lambda a, b: a, (1, 2), (1, 2, 3))
    with pytest.raises(TypeError, match="callable"):
        C.HyperMap(3)((1,))


def test_hypermap_inside_jit_updates_every_parameter():
    @ms.jit
    def step(ws, gs):
        return C.HyperMap()(F.partial(lambda lr, w, g: w - lr * g, 0.5), ws, gs)
    out = step((T([1., 2.]), T([3.])), (T([2., 2.]), T([4.])))
    np.testing.assert_allclose(out[0].asnumpy(), [0., 1.])
    np.testing.assert_allclose(out[1].asnumpy(), [1.])


def test_user_primitive_without_a_kernel_names_itself():
    class NoKernel(PR.PrimitiveWithInfer):
        @PR.prim_attr_register
        def __init__(self, alpha=0.5):
            pass
    p = NoKernel()
    assert p.alpha == 0.5 and p.attrs["alpha"] == 0.5 and p.init_attrs == {"alpha": 0.5}
    with pytest.raises(TypeError, match="'NoKernel'.*no kernel"):
        p(T([1.]))
    with pytest.raises(TypeError, match="NoKernel"):
        NoKernel(1, 2)

    class WithCall(PR.Primitive):
        @PR.prim_attr_register
        def __init__(self, scale=2.0):
            pass

        def __call__(self, x):
            return ops.mul(x, self.scale)
    np.testing.assert_allclose(WithCall(3.0)(T([1., 2.])).asnumpy(), [3., 6.])
    assert isinstance(WithCall(), ops.operations.Primitive)


def test_scalar_helpers_refuse_tensors_and_zero_divisors():
    with pytest.raises(TypeError, match="scalar_add.*Python scalars.*Tensor"):
        F.scalar_add(T(1.), 2)
    with pytest.raises(ValueError, match="ScalarDiv.*zero"):
        F.scalar_div(1, 0)
    with pytest.raises(ValueError, match="tuple_div.*divisible"):
        F.tuple_div((4, 6), (3, 3))
    assert F.tuple_div((4, 6), (2, 3)) == (2, 2)
    assert F.tuple_setitem((1, 2, 3), 1, 9) == (1, 9, 3)
    assert F.make_range(1, 7, 2) == (1, 3, 5)


def test_inv_of_integers_is_the_integer_quotient():
    out = ops.inv(ms.Tensor(np.array([1, -1, 2, -3, 0], np.int32)))
    assert out.dtype == ms.int32
    assert out.asnumpy().tolist() == [1, -1, 0, 0, 0]
    with pytest.raises(TypeError, match="inv"):
        ops.inv(ms.Tensor(np.array([True])))


def test_functional_reaches_ops_but_not_primitive_classes():
    assert F.relu is ops.relu
    assert F.P is ops.operations
    with pytest.raises(AttributeError, match="functional.ReLU"):
        F.ReLU


def test_log_writes_mindspore_style_records(capfd):
    from minispore import log as logger
    logger.warning("watch %s", "out")
    logger.info("not shown at the default level")
    err = capfd.readouterr().err
    assert "[WARNING] ME(" in err and "watch out" in err and "not shown" not in err
    assert logger.get_level() == "2" and logger.get_log_config() == {"GLOG_v": "2"}


def test_run_resolves_mindspore_paths(tmp_path):
    script = tmp_path / "paths.py"
    script.write_text(textwrap.dedent("""
        import numpy as np
        import mindspore as ms
        from mindspore import nn, Tensor
        from mindspore.ops import functional as F, composite as C, operations as P
        from mindspore.ops.primitive import constexpr, prim_attr_register, PrimitiveWithInfer
        from mindspore.common.api import jit, jit_class
        from mindspore.nn.grad import Vjp
        from mindspore import log as logger
        import mindspore.dataset as ds
        ds.config.set_numa_enable(True)
        x = Tensor(np.array([1.0, 2.0], np.float32))
        print(F.tuple_getitem(F.shape(x), 0), C.zip_operation((1,), (2,)), ms.tensor([1]).dtype)
        print(nn.Accuracy.__name__, ms.CheckpointConfig.__name__, int(Tensor(np.array([[4.0]], np.float32))))
        print(Vjp(lambda a: a * a)(x, x)[1])
    """))
    proc = subprocess.run([sys.executable, "-m", "minispore", "run", str(script)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["2 ((1, 2),) Int64", "Accuracy CheckpointConfig 4", "[2. 8.]"]
