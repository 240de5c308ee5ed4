"""``mindspore.dataset.text``: :class:`Vocab`, pretrained vectors (:class:`Vectors`, :class:`GloVe`) and the
string transforms (tokenizers, ``Lookup``, ``Ngram``, ``SlidingWindow``, ``ToNumber``, ``ToVectors`` ...)."""
from . import transforms, utils  # noqa: F401
from .transforms import (AddToken, BasicTokenizer, CaseFold, Lookup, Ngram, NormalizeUTF8,  # noqa: F401
                         PythonTokenizer, RegexReplace, RegexTokenizer, SlidingWindow, ToNumber, ToVectors,
                         Truncate, UnicodeCharTokenizer, WhitespaceTokenizer)
from .utils import GloVe, NormalizeForm, Vectors, Vocab, to_bytes, to_str  # noqa: F401

__all__ = ["Vocab", "Vectors", "GloVe", "NormalizeForm", "to_str", "to_bytes", "Lookup", "WhitespaceTokenizer",
           "BasicTokenizer", "PythonTokenizer", "SlidingWindow", "Ngram", "ToNumber", "ToVectors", "CaseFold",
           "NormalizeUTF8", "UnicodeCharTokenizer", "RegexReplace", "RegexTokenizer", "Truncate", "AddToken"]
