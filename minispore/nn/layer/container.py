"""Containers: SequentialCell, CellList and CellDict, keyed '0', '1', ... (or by dict key) like MindSpore."""
from collections import OrderedDict

from ..cell import Cell


class _UnknownCellError(KeyError, TypeError):
    """A name that is not a key of the container (MindSpore: TypeError, its index must be an int)."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


def _check_cell(cell, container):
    if not isinstance(cell, Cell):
        raise TypeError(f"For '{container}', each item must be a Cell, but got {type(cell).__name__}.")


class _IndexedCells(Cell):
    """Shared machinery of SequentialCell and CellList: children keyed by their position."""

    def _rekey(self, cells):
        self._cells.clear()
        for i, cell in enumerate(cells):
            self._set_child(str(i), cell)

    def _set_child(self, key, cell):
        if self._auto_prefix:
            cell.update_parameters_name(key + ".")
        self._cells[key] = cell

    def _index(self, index):
        n = len(self._cells)
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"For '{type(self).__name__}', the index must be an int or slice, but got "
                            f"{type(index).__name__}.")
        if not -n <= index < n:
            raise IndexError(f"For '{type(self).__name__}', the index {index} is out of range for length {n}.")
        return index % n

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(list(self._cells.values())[index])
        return list(self._cells.values())[self._index(index)]

    def __setitem__(self, index, cell):
        _check_cell(cell, type(self).__name__)
        self._set_child(str(self._index(index)), cell)

    def __delitem__(self, index):
        cells = list(self._cells.values())
        if isinstance(index, slice):
            del cells[index]
        else:
            del cells[self._index(index)]
        self._rekey(cells)

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells.values())

    def append(self, cell):
        _check_cell(cell, type(self).__name__)
        self._set_child(str(len(self._cells)), cell)
        return self


class SequentialCell(_IndexedCells):
    """Runs its cells in order. Built from cells as arguments, a list, or an OrderedDict (keys kept)."""

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, cell in args[0].items():
                _check_cell(cell, "SequentialCell")
                self.insert_child_to_cell(key, cell)
                cell.update_parameters_name(key + ".")
            return
        if len(args) == 1 and isinstance(args[0], list):
            args = args[0]
        for i, cell in enumerate(args):
            _check_cell(cell, "SequentialCell")
            self._set_child(str(i), cell)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return SequentialCell(list(self._cells.values())[index])
        if isinstance(index, str):
            if index not in self._cells:
                raise _UnknownCellError(f"For 'SequentialCell', the str index {index!r} names no cell; the index "
                                        f"must be an int, a slice or one of the names {list(self._cells)}.")
            return self._cells[index]
        return super().__getitem__(index)

    def construct(self, input_data):
        for cell in self._cells.values():
            input_data = cell(input_data)
        return input_data


class CellList(_IndexedCells):
    """A list of cells, registered so their parameters belong to the parent network."""

    def __init__(self, *args, **kwargs):
        super().__init__(kwargs.get("auto_prefix", True))
        cells = args[0] if len(args) == 1 and isinstance(args[0], (list, tuple)) else args
        self.extend(cells)

    def insert(self, index, cell):
        _check_cell(cell, "CellList")
        cells = list(self._cells.values())
        cells.insert(index, cell)
        self._rekey(cells)

    def extend(self, cells):
        if not isinstance(cells, (list, tuple, CellList)):
            raise TypeError(f"For 'CellList', extend() takes a list of Cells, but got {type(cells).__name__}.")
        for cell in cells:
            self.append(cell)
        return self

    def __iadd__(self, cells):
        return self.extend(cells)

    def construct(self, *inputs):
        raise NotImplementedError("CellList is a container and cannot be called; call its items instead.")


class CellDict(Cell):
    """A dict of cells, keyed by name."""

    def __init__(self, *args, **kwargs):
        super().__init__()
        if args:
            self.update(args[0])

    def __getitem__(self, key):
        return self._cells[key]

    def __setitem__(self, key, cell):
        _check_cell(cell, "CellDict")
        if not isinstance(key, str) or not key or "." in key:
            raise KeyError(f"For 'CellDict', the key must be a non-empty str without '.', but got {key!r}.")
        if self._auto_prefix:
            cell.update_parameters_name(key + ".")
        self._cells[key] = cell

    def __delitem__(self, key):
        del self._cells[key]

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells)

    def __contains__(self, key):
        return key in self._cells

    def keys(self):
        return self._cells.keys()

    def values(self):
        return self._cells.values()

    def items(self):
        return self._cells.items()

    def clear(self):
        self._cells.clear()

    def pop(self, key):
        return self._cells.pop(key)

    def update(self, cells):
        items = cells.items() if hasattr(cells, "items") else cells
        for key, cell in items:
            self[key] = cell

    def construct(self, *inputs):
        raise NotImplementedError("CellDict is a container and cannot be called; call its items instead.")
