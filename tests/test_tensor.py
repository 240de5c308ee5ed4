"""The Tensor class itself (``minispore.Tensor``): conversion to and from NumPy."""
import numpy as np

from minispore import Tensor


def test_np_array_of_a_tensor_is_a_copy_but_asarray_shares():
    # review regression: Tensor.__array__ ignored copy=True, so np.array(t) shared the tensor's buffer and writing
    # to the array changed the tensor; np.array copies (as in MindSpore), np.asarray shares like asnumpy()
    t = Tensor(np.array([1.0, 2.0], np.float32))
    a = np.array(t)
    a[0] = 9
    assert t.asnumpy()[0] == 1.0
    assert np.asarray(t) is t.asnumpy()
