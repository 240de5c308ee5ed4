"""The backend seam: only the primitives (and host-only code) meet an array library."""
import ast
import pathlib
import re

import numpy as np
import pytest

import minispore as ms
from minispore import ops
from minispore._core import backend
from minispore._core.errors import OutOfMemoryError

PACKAGE = pathlib.Path(ms.__file__).parent

# code above the primitives: it computes through primitives only
ABOVE_THE_PRIMITIVES = sorted([*(PACKAGE / "ops" / "function").glob("*.py"), *(PACKAGE / "nn").rglob("*.py"),
                               PACKAGE / "_core" / "autodiff.py"])


@pytest.mark.parametrize("path", ABOVE_THE_PRIMITIVES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_numpy_above_the_primitives(path):
    source = path.read_text()
    assert not re.search(r"\bnp\.", source), f"{path.name} spells out NumPy (np.)"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            assert not any(a.name.split(".")[0] in ("numpy", "cupy") for a in node.names), path.name
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            assert node.module.split(".")[0] not in ("numpy", "cupy"), path.name


def test_the_seam_test_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import numpy as np\nx = np.zeros(3)\n")
    with pytest.raises(AssertionError):
        test_no_numpy_above_the_primitives(bad)


def test_backend_owns_the_array_module_and_the_crossings():
    assert backend.xp is np
    host = np.arange(6, dtype=np.float32).reshape(2, 3)
    device = backend.asarray(host)
    assert backend.is_array(device)
    np.testing.assert_array_equal(backend.to_numpy(device), host)
    t = ms.Tensor(host)
    assert isinstance(t.asnumpy(), np.ndarray)           # asnumpy is the way out to the host


def test_allocation_failure_names_the_op_the_shape_the_bytes_and_the_memory_left():
    with pytest.raises(OutOfMemoryError) as info:
        ops.zeros((10 ** 6, 10 ** 7), ms.float32)
    text = str(info.value)
    assert text.startswith("Malloc device memory failed")           # MindSpore's words
    assert "For 'zeros'" in text and "(1000000, 10000000)" in text and "TiB" in text and "free" in text
    assert isinstance(info.value, MemoryError) and isinstance(info.value, RuntimeError)   # MindSpore: RuntimeError
    with pytest.raises(OutOfMemoryError, match="For 'ones'.*float64"):
        ops.ones((10 ** 6, 10 ** 7), ms.float64)


def test_kernel_memory_errors_are_named_too():
    with pytest.raises(OutOfMemoryError, match="^Malloc device memory failed: For '(BroadcastTo|broadcast_to|Reshape|Tile)'"):
        ops.tile(ops.ones((1000,), ms.float32), (10 ** 6, 10 ** 3)) * 2
