"""bench/registration_bench.py runs and prints its table (tiny: 5 clients, 2 seconds, FalkorDB).
It asserts no rates: the machine is shared; the check columns are what a reader trusts."""
import subprocess
import sys

import pytest

from netzwerk.config import PROJECT_ROOT


def test_the_bench_prints_its_table_with_the_checks():
    pytest.importorskip("gunicorn")
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "bench" / "registration_bench.py"),
                             "--backend", "falkordb", "--clients", "5", "--seconds", "2", "--max-minutes", "5"],
                            capture_output=True, text=True, timeout=360, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert any(line.startswith("backend") and "reg/s" in line and "lost" in line for line in lines)
    rows = [line.split() for line in lines if line.startswith("falkordb")]
    assert [row[1:3] for row in rows] == [["alone", "1/stmt"], ["alone", "batched"], ["hello", "world"],
                                          ["api", "5"], ["form", "5"]]
    for row in rows[:2] + rows[3:]:  # the service alone and over HTTP: nothing overbooked, nothing lost
        count = row.index("ok")  # the column "count": counter and sequence numbers agree
        assert row[count - 2:count] == ["0", "0"], row  # overbooked, lost
