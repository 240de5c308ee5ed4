"""Record (or re-check) the goldens of mindspore.dataset's image sources and vision transforms with MindSpore 2.10.

    /tmp/msref/bin/python tests/golden/gen_dataset_vision.py            # writes tests/golden/dataset_vision.json
    /tmp/msref/bin/python tests/golden/gen_dataset_vision.py --check    # re-runs every case against the recording
    ... gen_dataset_vision.py --only PREFIX / --show
    python tests/golden/gen_dataset_vision.py --make-images             # (re)writes tests/golden/images/ (once)

The cases live in cases_dataset_vision.py and are shared with tests/test_golden_dataset_vision.py. Their inputs are
made deterministically: the image files are committed under tests/golden/images/ (encoded once by
``--make-images`` with Pillow; committed because another libjpeg or zlib would encode other bytes), and the CIFAR
and Fashion-MNIST files are written by ``cases_dataset_vision.make_data`` from seeded NumPy into a temporary folder
(CIFAR as sparse full-size files: MindSpore reads exactly 10000 records per CIFAR-10 file). The recording is laid out
as engine.json (one case per line, describe.py encoding).
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import cases_dataset_vision as C  # noqa: E402
import recorder  # noqa: E402


def make_images(root=C.IMAGES):
    """Encode the committed test images (run once; the files are committed)."""
    from PIL import Image
    rng = np.random.default_rng(20251201)
    dec = os.path.join(root, "decode")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(dec)
    yy, xx = np.mgrid[0:12, 0:16]
    smooth = np.stack([yy * 17 + xx * 5, 200 - xx * 9 + yy * 3, (yy * xx * 3) % 256], -1)
    smooth = np.clip(smooth + rng.integers(-12, 13, smooth.shape), 0, 255).astype(np.uint8)
    noise = rng.integers(0, 256, (12, 16, 3)).astype(np.uint8)
    Image.fromarray(noise).save(os.path.join(dec, "rgb.png"))
    Image.fromarray(noise[..., 0]).save(os.path.join(dec, "gray.png"))
    Image.fromarray(np.dstack([noise, smooth[..., :1]])).save(os.path.join(dec, "rgba.png"))
    Image.fromarray(np.dstack([noise[..., 0], noise[..., 1]]), "LA").save(os.path.join(dec, "la.png"))
    Image.fromarray(smooth).convert("P", palette=Image.Palette.ADAPTIVE, colors=16).save(os.path.join(dec, "pal.png"))
    Image.fromarray(noise[..., 0].astype(np.uint16) * 257 + rng.integers(0, 257, (12, 16)).astype(np.uint16)).save(
        os.path.join(dec, "g16.png"))
    Image.fromarray(noise[..., 0] > 128).save(os.path.join(dec, "bw.png"))
    Image.fromarray(smooth).save(os.path.join(dec, "smooth.jpg"), quality=90)
    Image.fromarray(smooth).save(os.path.join(dec, "prog.jpg"), quality=75, progressive=True)
    Image.fromarray(smooth).save(os.path.join(dec, "s444.jpg"), quality=95, subsampling=0)
    Image.fromarray(smooth[..., 0]).save(os.path.join(dec, "gray.jpg"), quality=90)
    Image.fromarray(smooth).convert("CMYK").save(os.path.join(dec, "cmyk.jpg"), quality=90)
    Image.fromarray(noise).save(os.path.join(dec, "rgb.bmp"))
    Image.fromarray(noise).save(os.path.join(dec, "rgb.tif"))
    Image.fromarray(noise).save(os.path.join(dec, "rgb.gif"))
    Image.fromarray(noise).save(os.path.join(dec, "rgb.webp"), lossless=True)
    with open(os.path.join(dec, "rgb.png"), "rb") as f:
        png = f.read()
    with open(os.path.join(dec, "trunc.png"), "wb") as f:
        f.write(png[:-30])
    with open(os.path.join(dec, "smooth.jpg"), "rb") as f:
        jpg = f.read()
    with open(os.path.join(dec, "trunc.jpg"), "wb") as f:      # MindSpore 2.10 exits the process on this one
        f.write(jpg[:len(jpg) // 2])
    with open(os.path.join(dec, "garbage.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(rng.integers(0, 256, 40).astype(np.uint8)))
    folder = os.path.join(root, "folder")
    spec = {"bird": ["b2.png", "b1.png"], "cat": ["c.bmp", "a.jpg", "b.png"], "dog": ["x.png", "y.jpeg", ".z.png"]}
    for k, (cls, names) in enumerate(sorted(spec.items())):
        os.makedirs(os.path.join(folder, cls))
        for j, name in enumerate(names):
            h, w = 6 + k + j, 8 + 2 * j
            a = np.clip(smooth[:h, :w].astype(int) + rng.integers(-40, 41, (h, w, 3)), 0, 255).astype(np.uint8)
            fmt = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "bmp": "BMP"}[name.rsplit(".", 1)[1]]
            Image.fromarray(a).save(os.path.join(folder, cls, name), format=fmt)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs)
    print(f"wrote {root}: {total} bytes")


def _pillow_version():
    import PIL
    return PIL.__version__


if __name__ == "__main__":
    recorder.main(C, "dataset_vision.json", __doc__, data=True,
                  meta={"pillow": _pillow_version, "encoding": "tests/golden/describe.py"},
                  actions={"--make-images": (make_images, "(re)write tests/golden/images/ with Pillow (once)")})
