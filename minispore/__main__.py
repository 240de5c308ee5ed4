"""Command line: ``python -m minispore run script.py [args]`` runs a MindSpore script on minispore;
``python -m minispore coverage [--missing MODULE]`` counts the MindSpore names minispore provides;
``python -m minispore smi`` lists the devices, their memory and the processes holding it (MindSpore's FAQ's
``npu-smi info``)."""
import argparse
import os
import runpy
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="minispore", description="minispore: MindSpore's API on NumPy")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run an unmodified MindSpore script (its 'import mindspore' uses minispore)")
    run.add_argument("script", help="path of the Python script")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    sub.add_parser("version", help="print the version")
    from .communication import _launch
    _launch.add_msrun_arguments(sub.add_parser("msrun", help="start N data-parallel workers of a script (MindSpore's "
                                                             "msrun flags, on mpiexec)"))
    cov = sub.add_parser("coverage", help="how many of MindSpore 2.10's public names minispore provides, per module")
    cov.add_argument("--missing", metavar="MODULE", help="list the names of MODULE (e.g. mindspore.ops) minispore lacks")
    smi = sub.add_parser("smi", help="the devices, their memory and the processes that hold the most of it")
    smi.add_argument("--top", type=int, default=5, metavar="N", help="how many processes to list (default 5)")
    ns = parser.parse_args(argv)
    if ns.command == "smi":
        from ._core.devices import smi as smi_table
        print(smi_table(limit=ns.top))
        return 0
    if ns.command == "version":
        from . import __version__
        print(__version__)
        return 0
    if ns.command == "coverage":
        from ._coverage import main as coverage
        try:
            return coverage(missing=ns.missing)
        except BrokenPipeError:      # `... coverage | head`: the reader left; nothing more to say
            sys.stdout = None
            return 0
    if ns.command == "msrun":
        return _launch.msrun(ns)
    if ns.command != "run":
        parser.print_help()
        return 2
    if not os.path.isfile(ns.script):
        parser.error(f"no such script: {ns.script}")
    from .communication import _engine
    if _engine.launched():     # a worker of mpirun: a failure aborts the whole job, naming this rank
        return _launch.run_worker(ns.script, ns.args)
    from ._dropin import install
    install()
    sys.argv = [ns.script] + list(ns.args)
    sys.path.insert(0, os.path.dirname(os.path.abspath(ns.script)))
    runpy.run_path(ns.script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
