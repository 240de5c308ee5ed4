"""A headless stand-in for matplotlib, for the tutorial pages that draw (dataset.py's ``visualize``).

Neither the test environment nor MindSpore's reference environment has matplotlib, and a drawing is not
something the tests can compare. This package sits next to the page scripts, so ``import matplotlib.pyplot``
finds it first; ``pyplot`` checks what the page hands it (an image must be a 2-D or 3-D NumPy array, a title
must be printable) and draws nothing, so the page's dataset iteration and conversions still run for real.
"""
