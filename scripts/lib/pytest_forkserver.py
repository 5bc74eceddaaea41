"""Runs many pytest sessions from one warm Python: the heavy imports (torch, scikit-learn, numpy,
pytest) are paid once here, and every session runs in a fork of this process, so it starts with
them loaded but with nothing of the learner's code imported.

Reads one job per line on stdin, {"cwd", "args", "log", "timeout"}, and answers one line per job
on stdout, {"code", "timedOut"}. A session's output goes to its "log" file.
"""
import json
import os
import signal
import sys
import time
import traceback

# Nothing here may start a thread pool before the forks: a fork keeps only the calling thread.
for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")

import pytest  # noqa: E402

for module in sys.argv[1:]:
    try:
        __import__(module)
    except ImportError:
        pass  # a missing package is the session's to report, as it would be without this server


def run_session(job):
    log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.chdir(job["cwd"])
    sys.path.insert(0, job["cwd"])
    code = pytest.main(job["args"])
    sys.stdout.flush()
    sys.stderr.flush()
    return int(code)


for line in sys.stdin:
    job = json.loads(line)
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os._exit(run_session(job))
        except BaseException:
            traceback.print_exc()
            os._exit(3)
    deadline = time.monotonic() + job["timeout"]
    status = None
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = None
            break
        time.sleep(0.05)
    if status is None:
        print(json.dumps({"code": None, "timedOut": True}), flush=True)
    else:
        print(json.dumps({"code": os.waitstatus_to_exitcode(status), "timedOut": False}), flush=True)
