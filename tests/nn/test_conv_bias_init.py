"""A convolution without a bias keeps the ``bias_init`` it was given and prints it, as MindSpore 2.10 does:
``Conv2d(1, 2, 3, has_bias=False, bias_init='zeros')`` prints ``bias_init=zeros`` (recorded from MindSpore 2.10;
without the argument, ``bias_init=None``)."""
import minispore as ms


def test_bias_init_is_kept_without_a_bias():
    shown = repr(ms.nn.Conv2d(1, 2, 3, has_bias=False, bias_init="zeros"))
    assert shown.endswith("has_bias=False, weight_init=" + shown.split("weight_init=")[1].split(", ")[0]
                          + ", bias_init=zeros, format=NCHW)")
    assert "bias_init=None" in repr(ms.nn.Conv2d(1, 2, 3, has_bias=False))
    assert ms.nn.Conv2d(1, 2, 3, has_bias=False, bias_init="zeros").bias is None
