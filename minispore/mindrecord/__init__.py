"""``mindspore.mindrecord`` on the standard library: ``FileWriter`` and ``FileReader`` read and write
MindSpore's MindRecord format (data files plus SQLite ``.db`` indexes) byte-compatibly with MindSpore 2.10;
``minispore.dataset.MindDataset`` reads them into the pipeline. Encryption (``set_enc_key`` ...), ``MindPage``
and the ``*ToMR`` converters are not implemented."""
from .exceptions import *  # noqa: F401,F403
from .filereader import FileReader
from .filewriter import FileWriter

SUCCESS = 0
FAILED = 1

__all__ = ["FileWriter", "FileReader", "SUCCESS", "FAILED"]
