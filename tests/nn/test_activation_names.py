"""nn.get_activation knows MindSpore 2.10's names for the activations defined outside activation.py."""
import pytest

from minispore import nn


@pytest.mark.parametrize("name, cls", [("hshrink", "HShrink"), ("softshrink", "SoftShrink"),
                                       ("softmax2d", "Softmax2d"), ("softmin", "Softmin")])
def test_the_more_activations_have_their_mindspore_names(name, cls):
    assert type(nn.get_activation(name)) is getattr(nn, cls)


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(KeyError, match="softmin"):
        nn.get_activation("no_such_activation")
