"""MindSpore's ``mindspore.ops`` FFT functions (``fft``, ``ifft``, ``rfft``, ``irfft``, ``hfft``, ``ihfft`` and their
2-D / n-D forms, ``fftshift``, ``ifftshift``, ``fftfreq``, ``rfftfreq``) and window functions (``hann_window``,
``hamming_window``, ``bartlett_window``, ``blackman_window``, ``kaiser_window``).

Arguments as MindSpore 2.10's: ``n`` / ``s`` (the signal length per transformed dimension: the input is cropped or
zero-padded to it), ``dim`` and ``norm`` ('backward', the default: the inverse scales by 1/n; 'forward'; 'ortho').
dtypes as MindSpore's CPU kernels (tests/golden/complex.json): integer and float16/float32 inputs give Complex64,
Float64 inputs Complex128; the Hermitian transforms are the real ones of the conjugate with the dual norm.
"""
import numbers

from ..._core import dtype as mstype
from ..._core.dtype import kind_of
from ..._core.tensor import Tensor
from .. import _prims as P
from .math_func import _tensor

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn",
           "hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn", "fftshift", "ifftshift", "fftfreq", "rfftfreq",
           "hann_window", "hamming_window", "bartlett_window", "blackman_window", "kaiser_window", "stft"]

_NORMS = ("backward", "forward", "ortho")
_SWAP = {"backward": "forward", "forward": "backward", "ortho": "ortho"}


# ----------------------------------------------------------------------------- argument checks
def _input(x, op):
    x = _tensor(x, "input", op)
    k = kind_of(x._data.dtype)
    if k == "b":
        raise TypeError(f"For '{op}', the 'input' must be an integer, float or complex Tensor, but got Bool.")
    return x


def _norm(norm, op):
    if norm is None:
        return "backward"
    if norm not in _NORMS:
        raise ValueError(f"For '{op}', 'norm' must be one of {list(_NORMS)} or None, but got {norm!r}.")
    return norm


def _dims(dim, ndim, op, s=None):
    if dim is None:
        if s is not None:
            return tuple(range(ndim - len(s), ndim))
        return tuple(range(ndim))
    dims = (dim,) if isinstance(dim, numbers.Integral) else tuple(dim)
    out = []
    for d in dims:
        if isinstance(d, bool) or not isinstance(d, numbers.Integral):
            raise TypeError(f"For '{op}', 'dim' must be an int or a tuple of ints, but got {dim!r}.")
        if not -ndim <= d < ndim:
            raise ValueError(f"For '{op}', the dim must be in [{-ndim},{ndim}), but got {d}.")
        out.append(d % ndim)
    if len(set(out)) != len(out):
        raise ValueError(f"For '{op}', 'dim' must not repeat a dimension, but got {dim!r}.")
    return tuple(out)


def _sizes(s, dims, op):
    if s is None:
        return None
    s = (s,) if isinstance(s, numbers.Integral) else tuple(s)
    if len(s) != len(dims):
        raise ValueError(f"For '{op}', 's' {list(s)} and 'dim' {list(dims)} must have the same length.")
    for v in s:
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise TypeError(f"For '{op}', 's' must hold ints, but got {list(s)}.")
        if v <= 0:
            raise ValueError(f"For '{op}', the signal sizes must be greater than 0, but got {list(s)}.")
    return tuple(int(v) for v in s)


def _n(n, op):
    if n is None:
        return None
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"For '{op}', 'n' must be an int, but got {n!r}.")
    if n <= 0:
        raise ValueError(f"The argument[n] must be greater than 0, but got {n}.")
    return (int(n),)


def _as_complex(x):
    if kind_of(x._data.dtype) == "c":
        return x
    return P.cast(x, (mstype.complex128 if x.dtype == mstype.float64 else mstype.complex64).np_dtype)


def _as_real(x):
    if kind_of(x._data.dtype) == "c":
        return P.real(x)
    if x.dtype == mstype.float64:
        return x
    return P.cast(x, mstype.float32.np_dtype)


def _resized(x, dims, sizes):
    shape = list(x.shape)
    for d, v in zip(dims, sizes):
        shape[d] = v
    return P.fft_resize(x, shape)


# ----------------------------------------------------------------------------- complex-to-complex
def _c2c(input, s, dim, norm, inverse, op, n_mode=False):
    x = _input(input, op)
    dims = _dims(dim, x.ndim, op, None if n_mode else s)
    sizes = _n(s, op) if n_mode else _sizes(s, dims, op)
    x = _as_complex(x)
    if sizes is not None:
        x = _resized(x, dims, sizes)
    return P.fft_c2c(x, dims, inverse, _norm(norm, op))


def fft(input, n=None, dim=-1, norm=None):
    return _c2c(input, n, dim, norm, False, "fft", n_mode=True)


def ifft(input, n=None, dim=-1, norm=None):
    return _c2c(input, n, dim, norm, True, "ifft", n_mode=True)


def fft2(input, s=None, dim=(-2, -1), norm=None):
    return _c2c(input, s, dim, norm, False, "fft2")


def ifft2(input, s=None, dim=(-2, -1), norm=None):
    return _c2c(input, s, dim, norm, True, "ifft2")


def fftn(input, s=None, dim=None, norm=None):
    return _c2c(input, s, dim, norm, False, "fftn")


def ifftn(input, s=None, dim=None, norm=None):
    return _c2c(input, s, dim, norm, True, "ifftn")


# ----------------------------------------------------------------------------- real-to-complex and back
def _r2c(input, s, dim, norm, op, n_mode=False, hermitian=False):
    x = _input(input, op)
    dims = _dims(dim, x.ndim, op, None if n_mode else s)
    sizes = _n(s, op) if n_mode else _sizes(s, dims, op)
    norm = _norm(norm, op)
    if kind_of(x._data.dtype) == "c" and not hermitian:
        # MindSpore 2.10's rfft family transforms a complex input as fft does, then keeps the n // 2 + 1 first
        # values of the last dimension (complex.json: rfft/complex)
        if sizes is not None:
            x = _resized(x, dims, sizes)
        y = P.fft_c2c(x, dims, False, norm)
        half = list(y.shape)
        half[dims[-1]] = half[dims[-1]] // 2 + 1
        return P.fft_resize(y, half)
    x = _as_real(x)
    if sizes is not None:
        x = _resized(x, dims, sizes)
    if hermitian:
        return P.conj(P.fft_r2c(x, dims, _SWAP[norm]))
    return P.fft_r2c(x, dims, norm)


def _c2r(input, s, dim, norm, op, n_mode=False, hermitian=False):
    x = _input(input, op)
    dims = _dims(dim, x.ndim, op, None if n_mode else s)
    sizes = _n(s, op) if n_mode else _sizes(s, dims, op)
    x = _as_complex(x)
    if sizes is None:
        sizes = tuple(x.shape[d] for d in dims[:-1]) + (2 * (x.shape[dims[-1]] - 1),)
        if sizes[-1] <= 0:
            raise ValueError(f"For '{op}', the output length 2 * (m - 1) of a last dimension of length "
                             f"{x.shape[dims[-1]]} must be greater than 0; give 'n' or 's'.")
    x = _resized(x, dims, sizes[:-1] + (sizes[-1] // 2 + 1,))
    norm = _norm(norm, op)
    if hermitian:
        return P.fft_c2r(P.conj(x), dims, sizes[-1], _SWAP[norm])
    return P.fft_c2r(x, dims, sizes[-1], norm)


def rfft(input, n=None, dim=-1, norm=None):
    return _r2c(input, n, dim, norm, "rfft", n_mode=True)


def irfft(input, n=None, dim=-1, norm=None):
    return _c2r(input, n, dim, norm, "irfft", n_mode=True)


def rfft2(input, s=None, dim=(-2, -1), norm=None):
    return _r2c(input, s, dim, norm, "rfft2")


def irfft2(input, s=None, dim=(-2, -1), norm=None):
    return _c2r(input, s, dim, norm, "irfft2")


def rfftn(input, s=None, dim=None, norm=None):
    return _r2c(input, s, dim, norm, "rfftn")


def irfftn(input, s=None, dim=None, norm=None):
    return _c2r(input, s, dim, norm, "irfftn")


def hfft(input, n=None, dim=-1, norm=None):
    return _c2r(input, n, dim, norm, "hfft", n_mode=True, hermitian=True)


def ihfft(input, n=None, dim=-1, norm=None):
    return _r2c(input, n, dim, norm, "ihfft", n_mode=True, hermitian=True)


def hfft2(input, s=None, dim=(-2, -1), norm=None):
    return _c2r(input, s, dim, norm, "hfft2", hermitian=True)


def ihfft2(input, s=None, dim=(-2, -1), norm=None):
    return _r2c(input, s, dim, norm, "ihfft2", hermitian=True)


def hfftn(input, s=None, dim=None, norm=None):
    return _c2r(input, s, dim, norm, "hfftn", hermitian=True)


def ihfftn(input, s=None, dim=None, norm=None):
    return _r2c(input, s, dim, norm, "ihfftn", hermitian=True)


# ----------------------------------------------------------------------------- shifts and frequencies
def _shift(input, dim, op, sign):
    from .array_func import roll
    x = _tensor(input, "input", op)
    if x.ndim == 0:
        return x
    dims = _dims(dim, x.ndim, op)
    shifts = tuple(sign * (x.shape[d] // 2) for d in dims)
    return roll(x, shifts, dims)


def fftshift(input, dim=None):
    return _shift(input, dim, "fftshift", 1)


def ifftshift(input, dim=None):
    return _shift(input, dim, "ifftshift", -1)


def _float_dtype(dtype, op, default):
    if dtype is None:
        return default
    t = mstype.canonical(dtype)
    if t not in (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16):
        raise TypeError(f"For '{op}', 'dtype' must be a float type, but got {t}.")
    return t


def _count(n, op, name="n"):
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n <= 0:
        raise ValueError(f"For '{op}', '{name}' must be a positive integer, but got {n!r}.")
    return int(n)


def fftfreq(n, d=1.0, dtype=None):
    n = _count(n, "fftfreq")
    t = _float_dtype(dtype, "fftfreq", mstype.float32)
    return Tensor(P.fft_tables.fftfreq(n, d), t)


def rfftfreq(n, d=1.0, dtype=None):
    n = _count(n, "rfftfreq")
    t = _float_dtype(dtype, "rfftfreq", mstype.float32)
    return Tensor(P.fft_tables.rfftfreq(n, d), t)


# ----------------------------------------------------------------------------- windows
def _window_length(window_length, op, tensor=False):
    if isinstance(window_length, Tensor):
        if not tensor:
            raise TypeError(f"For '{op}', 'window_length' must be an int, but got Tensor.")
        if kind_of(window_length._data.dtype) not in "iu" or window_length._data.size != 1:
            raise TypeError(f"For '{op}', 'window_length' must be an integer Tensor of one element, but got "
                            f"{window_length.dtype} of shape {list(window_length.shape)}.")
        window_length = int(window_length._data.reshape(-1)[0])
    elif tensor:
        # MindSpore 2.10's bartlett_window / blackman_window call their Primitive with the length as is
        raise TypeError(f"For Primitive[{op}], the type of input argument[window_length] must be Tensor but got "
                        f"{type(window_length).__name__}.")
    if isinstance(window_length, bool) or not isinstance(window_length, numbers.Integral) or window_length < 0:
        raise ValueError(f"For '{op}', 'window_length' must be a non-negative integer, but got {window_length!r}")
    return int(window_length)


def _periodic(periodic, op):
    if not isinstance(periodic, bool):
        raise TypeError(f"For '{op}', 'periodic' must be a bool, but got {type(periodic).__name__}.")
    return periodic


def hann_window(window_length, periodic=True, *, dtype=None):
    m = _window_length(window_length, "hann_window")
    t = _float_dtype(dtype, "hann_window", mstype.float64)    # MindSpore 2.10's default here is Float64
    return Tensor(P.fft_tables.cosine_window(m, _periodic(periodic, "hann_window"), (0.5, 0.5), "float64"), t)


def hamming_window(window_length, periodic=True, alpha=0.54, beta=0.46, *, dtype=None):
    m = _window_length(window_length, "hamming_window")
    t = _float_dtype(dtype, "hamming_window", mstype.float32)
    # MindSpore computes it in float32 (hamming(4)[0] is 0.08000001 even as Float64)
    w = P.fft_tables.cosine_window(m, _periodic(periodic, "hamming_window"), (float(alpha), float(beta)),
                                   "float32")
    return Tensor(w, t)


def bartlett_window(window_length, periodic=True, *, dtype=None):
    m = _window_length(window_length, "BartlettWindow", tensor=True)
    t = _float_dtype(dtype, "bartlett_window", mstype.float32)
    periodic = _periodic(periodic, "bartlett_window")
    return Tensor(P.fft_tables.bartlett(m, periodic), t)


def blackman_window(window_length, periodic=True, *, dtype=None):
    m = _window_length(window_length, "BlackmanWindow", tensor=True)
    t = _float_dtype(dtype, "blackman_window", mstype.float32)
    w = P.fft_tables.cosine_window(m, _periodic(periodic, "blackman_window"), (0.42, 0.5, 0.08), "float64")
    return Tensor(w, t)


def kaiser_window(window_length, periodic=True, beta=12.0, *, dtype=None):
    m = _window_length(window_length, "kaiser_window")
    t = _float_dtype(dtype, "kaiser_window", mstype.float64)
    periodic = _periodic(periodic, "kaiser_window")
    return Tensor(P.fft_tables.kaiser(m, periodic, float(beta)), t)


# ----------------------------------------------------------------------------- short-time Fourier transform
def stft(x, n_fft, hop_length=None, win_length=None, window=None, center=True, pad_mode="REFLECT", normalized=False,
         onesided=None, return_complex=None):
    """The STFT of a signal (L,) or a batch (B, L): the DFTs of its frames of ``n_fft`` samples every
    ``hop_length`` (default n_fft // 4), each times ``window`` (ones of ``win_length``, centred in n_fft), of shape
    (B, freq, frames) complex, or (B, freq, frames, 2) real with ``return_complex=False``. ``center`` pads n_fft // 2
    on each side (``pad_mode`` 'REFLECT' or 'CONSTANT')."""
    from .array_func import pad, reshape, transpose
    from .complex_func import view_as_real
    op = "stft"
    x = _tensor(x, "x", op)
    if x.ndim not in (1, 2):
        raise ValueError(f"For '{op}', 'x' must be 1-D or 2-D, but got shape {list(x.shape)}.")
    n_fft = _count(n_fft, op, "n_fft")
    hop = n_fft // 4 if hop_length is None else _count(hop_length, op, "hop_length")
    win = n_fft if win_length is None else _count(win_length, op, "win_length")
    if win > n_fft:
        raise ValueError(f"For '{op}', 'win_length' {win} must not exceed 'n_fft' {n_fft}.")
    batched = x.ndim == 2
    y = x if batched else reshape(x, (1,) + tuple(x.shape))
    if kind_of(y._data.dtype) not in "fc":
        raise TypeError(f"For '{op}', 'x' must be a float or complex Tensor, but got {x.dtype}.")
    if center:
        mode = str(pad_mode).lower()
        if mode not in ("reflect", "constant"):
            raise ValueError(f"For '{op}', 'pad_mode' must be 'REFLECT' or 'CONSTANT', but got {pad_mode!r}.")
        y = reshape(pad(reshape(y, (y.shape[0], 1, y.shape[1])), (n_fft // 2, n_fft // 2), mode=mode),
                    (y.shape[0], y.shape[1] + 2 * (n_fft // 2)))
    length = y.shape[1]
    if length < n_fft:
        raise ValueError(f"For '{op}', the (padded) signal length {length} must be at least n_fft={n_fft}.")
    frames = 1 + (length - n_fft) // hop
    index = Tensor([[f * hop + k for k in range(n_fft)] for f in range(frames)], mstype.int64)
    segs = y[:, index]                                   # (B, frames, n_fft)
    if window is not None:
        w = _tensor(window, "window", op)
        if w.shape != (win,):
            raise ValueError(f"For '{op}', 'window' must have shape [{win}] (win_length), but got {list(w.shape)}.")
    else:
        w = Tensor([1.0] * win, y.dtype if kind_of(y._data.dtype) == "f" else mstype.float32)
    if win < n_fft:
        left = (n_fft - win) // 2
        w = pad(w, (left, n_fft - win - left))
    segs = segs * w
    is_complex = kind_of(segs._data.dtype) == "c" or kind_of(w._data.dtype) == "c"
    one_sided = (not is_complex) if onesided is None else bool(onesided)
    spec = rfft(segs, dim=-1) if one_sided else fft(segs, dim=-1)
    if normalized:
        spec = spec * (1.0 / n_fft ** 0.5)
    spec = transpose(spec, (0, 2, 1))                     # (B, freq, frames)
    if not batched:
        spec = reshape(spec, tuple(spec.shape[1:]))
    complex_out = is_complex if return_complex is None else bool(return_complex)
    return spec if complex_out else view_as_real(spec)
