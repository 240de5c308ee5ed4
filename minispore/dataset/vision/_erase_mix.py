"""``RandomErasing`` and the batch mixers ``MixUpBatch`` / ``CutMixBatch``."""
import numpy as np

from ._base import (FLOAT_MAX_INTEGER, INT32_MAX, ImageOp, check_bool, check_enum, check_int, check_minmax,
                    check_number, check_prob, is_pil)
from ._kernels import add_weighted
from .utils import ImageBatchFormat

__all__ = ["RandomErasing", "MixUpBatch", "CutMixBatch"]


def _cast(v, dtype):
    if np.dtype(dtype).kind in "iub":
        with np.errstate(invalid="ignore", over="ignore"):
            return np.asarray(v).astype(dtype)
    return np.asarray(v, dtype)


class RandomErasing(ImageOp):
    """With probability ``prob``, erase a random rectangle of each ``<C,H,W>`` NumPy image (typically after
    ``ToTensor``): an area fraction in ``scale`` and an aspect ratio in ``ratio`` (up to ``max_attempts`` tries;
    when none fits inside the image, it stays unchanged), filled with ``value`` (a number, an (R, G, B) triple,
    or ``'random'``: standard normal noise). ``inplace=True`` overwrites the input array."""

    def __init__(self, prob=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False, max_attempts=10):
        op = "RandomErasing"
        self.prob = check_prob(prob, op)
        self.scale = check_minmax(scale, "scale", op, positive_max=True)
        self.ratio = check_minmax(ratio, "ratio", op)
        if self.ratio[0] <= 0:
            raise ValueError(f"For '{op}', ratio[0] {self.ratio[0]} is not within the required interval of "
                             f"(0, {FLOAT_MAX_INTEGER}].")
        if isinstance(value, str):
            if value != "random":
                raise ValueError(f"For '{op}', the value for erasing should be either a single value, or a string "
                                 f"'random', or a sequence of 3 elements for RGB respectively, but got {value!r}.")
        elif isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError(f"For '{op}', the value for erasing should be either a single value, or a string "
                                 f"'random', or a sequence of 3 elements for RGB respectively, but got {value!r}.")
            value = tuple(check_int(v, "value", op, 0, 255) for v in value)
        else:
            value = check_int(value, "value", op, 0, 255)
        self.value = value
        self.inplace = check_bool(inplace, "inplace", op)
        self.max_attempts = check_int(max_attempts, "max_attempts", op, 1, INT32_MAX)

    def _one(self, x, rng):
        if is_pil(x):
            raise TypeError(f"img should be NumPy array. Got {type(x)}.")
        x = np.asarray(x)
        return self._batch(x[None], rng)[0]

    def _batch(self, x, rng):
        if x.ndim != 4:
            raise ValueError(f"RandomErasing: the image should be a <C,H,W> NumPy array, but got an image of shape "
                             f"{tuple(x.shape[1:])}.")
        n, c, h, w = x.shape
        k = self.max_attempts
        area = rng.uniform(self.scale[0], self.scale[1], (n, k)) * (h * w)
        ar = rng.uniform(self.ratio[0], self.ratio[1], (n, k))
        ew = np.floor(np.sqrt(area * ar) + 0.5).astype(np.int64)
        eh = np.floor(ew / ar + 0.5).astype(np.int64)
        ok = (eh < h) & (ew < w)
        first = np.argmax(ok, axis=1)
        rows = np.arange(n)
        apply = ok[rows, first] & (rng.random(n) < self.prob)
        eh, ew = eh[rows, first], ew[rows, first]
        top = np.floor(rng.random(n) * (h - eh + 1)).astype(np.int64)
        left = np.floor(rng.random(n) * (w - ew + 1)).astype(np.int64)
        yy, xx = np.arange(h), np.arange(w)
        mask = (((yy >= top[:, None]) & (yy < (top + eh)[:, None]))[:, :, None]
                & ((xx >= left[:, None]) & (xx < (left + ew)[:, None]))[:, None, :]) & apply[:, None, None]
        out = x if self.inplace else x.copy()
        if not mask.any():
            return out
        m4 = np.broadcast_to(mask[:, None], x.shape)
        if self.value == "random":
            out[m4] = _cast(rng.standard_normal(int(np.count_nonzero(m4))), x.dtype)   # (noise where erased only)
        elif isinstance(self.value, tuple):
            if c != 3:
                raise RuntimeError(f"RandomErasing: an (R, G, B) value needs 3-channel <C,H,W> images, but got "
                                   f"{c} channels.")
            vals = np.broadcast_to(np.asarray(self.value, np.float64)[None, :, None, None], x.shape)
            out[m4] = _cast(vals[m4], x.dtype)
        else:
            out[m4] = _cast(self.value, x.dtype)
        return out

    def __repr__(self):
        return f"RandomErasing(prob={self.prob}, scale={self.scale}, ratio={self.ratio}, value={self.value!r})"


def _check_alpha(alpha, op):
    a = check_number(alpha, "alpha", op)
    if not a > 0:
        raise ValueError(f"For '{op}', alpha must be greater than 0, but got {alpha}.")
    return a


def _beta(rng, alpha, size):
    """Beta(alpha, alpha) as x1 / (x1 + x2) of two Gamma(alpha, 1) draws (float32), as MindSpore draws it."""
    x1 = rng.gamma(alpha, 1.0, size).astype(np.float32)
    x2 = rng.gamma(alpha, 1.0, size).astype(np.float32)
    s = x1 + x2
    return np.where(s > 0, x1 / np.where(s > 0, s, 1), np.float32(0.5)).astype(np.float32)


class _BatchMixer(ImageOp):
    _n_inputs = 2
    _fresh_output = False

    def _call_multi(self, inputs):
        from .. import config
        images, labels = (np.asarray(a.asnumpy() if hasattr(a, "asnumpy") else a) for a in inputs)
        return tuple(self._compute(images, labels, config._eager_rng()))

    def _batch_multi(self, cols, rng):
        """``cols``: the image and label columns of a block of batches (one leading axis over the batches)."""
        imgs, labs = cols
        outs = [self._compute(np.asarray(imgs[i]), np.asarray(labs[i]), rng) for i in range(len(imgs))]
        return [np.stack([o[0] for o in outs]), np.stack([o[1] for o in outs])]

    def _check_labels(self, images, labels):
        name = type(self).__name__
        if labels.dtype.kind not in "biuf":
            raise RuntimeError(f"{name}: invalid label type, label must be in a numeric type, but got: "
                               f"{labels.dtype}. You may need to perform OneHot first.")
        if labels.ndim not in (2, 3):
            raise RuntimeError(f"{name}: wrong labels shape. The second column (labels) must have a shape of NC or "
                               f"NLC where N is the batch size, L is the number of labels in each row, and C is the "
                               f"number of classes. labels must be in one-hot format and in a batch, but got rank: "
                               f"{labels.ndim} (shape {labels.shape}).")
        if images.shape[0] != labels.shape[0]:
            raise RuntimeError(f"{name}: batch sizes of image and label must be the same, but got image size: "
                               f"{images.shape[0]} and label size: {labels.shape[0]}.")


class MixUpBatch(_BatchMixer):
    """MixUp on a batch (map it on the image and one-hot label columns after ``batch``): one ``lam`` ~
    Beta(alpha, alpha) per batch and a random pairing ``p`` of its samples; images become
    ``lam * x + (1 - lam) * x[p]`` (rounded back to their dtype), labels ``lam * y + (1 - lam) * y[p]`` as
    float32."""

    def __init__(self, alpha=1.0):
        self.alpha = _check_alpha(alpha, "MixUpBatch")

    def _compute(self, images, labels, rng):
        if images.ndim != 4:
            raise RuntimeError(f"MixUpBatch: rank of image shape should be: 4, but got: {images.ndim}, make sure "
                               f"image shape are <H,W,C> or <C,H,W> and batched before calling MixUpBatch.")
        if images.shape[1] not in (1, 3) and images.shape[3] not in (1, 3):
            raise RuntimeError(f"MixUpBatch: images shape should in <N,H,W,C> or <N,C,H,W>, got shape: "
                               f"{images.shape}.")
        self._check_labels(images, labels)
        lam = _beta(rng, self.alpha, 1)[0]
        perm = rng.permutation(images.shape[0])
        lab = labels.astype(np.float32)
        out_lab = (lam * lab + (np.float32(1) - lam) * lab[perm]).astype(np.float32)
        mixed = add_weighted(images, lam, images[perm], np.float32(1) - lam, images.dtype)
        return mixed, out_lab

    def __repr__(self):
        return f"MixUpBatch(alpha={self.alpha})"


class CutMixBatch(_BatchMixer):
    """CutMix on a batch (after ``batch``, on the image and one-hot label columns): with probability ``prob`` each
    image gets a box, of side ``sqrt(1 - lam)`` of the image's (``lam`` ~ Beta(alpha, alpha)) at a random centre,
    pasted from a randomly paired image of the batch; its label becomes ``a * y + (1 - a) * y[pair]`` with ``a``
    the fraction of the image left uncovered. ``image_batch_format``: ``ImageBatchFormat.NHWC`` or ``NCHW``."""

    def __init__(self, image_batch_format, alpha=1.0, prob=1.0):
        self.image_batch_format = check_enum(image_batch_format, ImageBatchFormat, "image_batch_format",
                                             "CutMixBatch")
        self.alpha = _check_alpha(alpha, "CutMixBatch")
        self.prob = check_prob(prob, "CutMixBatch")

    def _compute(self, images, labels, rng):
        nchw = self.image_batch_format == ImageBatchFormat.NCHW
        if images.ndim != 4:
            hint = ". You may need to perform Batch first" if images.ndim == 3 else ""
            raise RuntimeError(f"CutMixBatch: input image is not in shape of <B,H,W,C> or <B,C,H,W>, but got "
                               f"dimension: {images.ndim}{hint}.")
        c = images.shape[1] if nchw else images.shape[3]
        if c not in (1, 3):
            raise RuntimeError(f"CutMixBatch: input image is not in channel of 1 or 3, but got channel: {c} "
                               f"(image_batch_format {self.image_batch_format.name}, shape {images.shape}).")
        self._check_labels(images, labels)
        n = images.shape[0]
        h, w = (images.shape[2], images.shape[3]) if nchw else (images.shape[1], images.shape[2])
        perm = rng.permutation(n)
        lam = _beta(rng, self.alpha, n)
        apply = rng.random(n) < self.prob
        ratio = np.sqrt(np.float32(1) - lam)
        cut_w = (np.float32(w) * ratio).astype(np.int64)
        cut_h = (np.float32(h) * ratio).astype(np.int64)
        cx, cy = rng.integers(0, w + 1, n), rng.integers(0, h + 1, n)
        x0 = np.clip(cx - cut_w // 2, 0, w - 1)
        y0 = np.clip(cy - cut_h // 2, 0, h - 1)
        x1 = np.clip(cx + cut_w // 2, 0, w - 1)
        y1 = np.clip(cy + cut_h // 2, 0, h - 1)
        bw = np.clip(x1 - x0, 1, max(1, w - 1))
        bh = np.clip(y1 - y0, 1, max(1, h - 1))
        yy, xx = np.arange(h), np.arange(w)
        mask = (((yy >= y0[:, None]) & (yy < (y0 + bh)[:, None]))[:, :, None]
                & ((xx >= x0[:, None]) & (xx < (x0 + bw)[:, None]))[:, None, :]) & apply[:, None, None]
        m4 = mask[:, None] if nchw else mask[..., None]
        out_img = np.where(m4, images[perm], images)
        label_lam = (np.float32(1) - (bw * bh).astype(np.float32) / np.float32(h * w)).astype(np.float32)
        lab = labels.astype(np.float32)
        a = label_lam.reshape((-1,) + (1,) * (lab.ndim - 1))
        mixed = (a * lab + (np.float32(1) - a) * lab[perm]).astype(np.float32)
        out_lab = np.where(apply.reshape(a.shape), mixed, lab).astype(np.float32)
        return out_img, out_lab

    def __repr__(self):
        return f"CutMixBatch(image_batch_format={self.image_batch_format!r}, alpha={self.alpha}, prob={self.prob})"

