"""Direct cases for the resampling primitives (collected by test_primitives_direct.py): Resample with three kinds of
axis map at once, its transpose, Im2Col and Col2Im, each against resample_reference.py."""
import numpy as np

import resample_reference as ref

rng = np.random.default_rng(1207)

# a (2, 5, 4, 3) input: reflect-pad and crop axis 1, bicubic 4 -> 7 on axis 2, area 3 -> 2 on axis 3
MAPS = (("reflect", 5, 2, -1), ("cubic", 4, 7, False), ("area", 3, 2))
X_SHAPE, Y_SHAPE = (2, 5, 4, 3), (2, 6, 7, 2)
MATRICES = [ref.cubic_matrix(4, 7), ref.area_matrix(3, 2)]


def _resample(x):
    return ref.apply(ref.pad_axis(x, 1, 2, -1, "reflect"), MATRICES)


GEOM = dict(kernel=(2, 3), dilation=(1, 2), pads=((1, 0), (0, 2)), stride=(2, 1))
IMAGE = (2, 3, 5, 6)
COLS_SHAPE = ref.unfold(np.zeros(IMAGE), **GEOM).shape

CASES = {
    "Resample": dict(args=[rng.uniform(-1, 1, X_SHAPE)], params=dict(maps=MAPS), ref=_resample),
    "ResampleGrad": dict(args=[rng.uniform(-1, 1, Y_SHAPE)], params=dict(maps=MAPS),
                         ref=lambda g: ref.adjoint(_resample, X_SHAPE, g)),
    "Im2Col": dict(args=[rng.uniform(-1, 1, IMAGE)], params=GEOM, ref=lambda x: ref.unfold(x, **GEOM)),
    "Col2Im": dict(args=[rng.uniform(-1, 1, COLS_SHAPE)], params=dict(GEOM, output_size=IMAGE[2:]),
                   ref=lambda c: ref.adjoint(lambda x: ref.unfold(x, **GEOM), IMAGE, c)),
}
