"""Plain pytest of bin/crmvn: its checks on a source checkout of Odoo, its options in the README.

Run by ``bin/crmvn test`` with ODOO_PATH and ODOO_PYTHON naming the Odoo it found, before any database exists.
"""

import importlib.machinery
import importlib.util
import os
import re
import subprocess
from pathlib import Path

import pytest

BIN = Path(__file__).resolve().parents[1]
README = (BIN.parent / "README.md").read_text(encoding="utf-8")


def load_crmvn():
    loader = importlib.machinery.SourceFileLoader("crmvn", str(BIN / "crmvn"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("crmvn", loader))
    loader.exec_module(module)
    return module


crmvn = load_crmvn()


def imports(python, module, cwd):
    """Whether ``python`` alone (no PYTHONPATH, outside any Odoo folder) imports ``module``."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    probe = subprocess.run([python, "-c", f"import {module}"], env=env, cwd=cwd, capture_output=True, check=False)
    return probe.returncode == 0


@pytest.fixture
def odoo(monkeypatch):
    monkeypatch.delenv("PYTHONPATH", raising=False)
    return crmvn.find_odoo()


def test_checks_pass_on_a_source_checkout(odoo, tmp_path):
    """The usual source install: Odoo's interpreter does not import ``odoo`` by itself (it is not pip-installed),
    and pytest-odoo imports ``odoo``: the checks must run with Odoo's folder on the path, as the tests do."""
    python, root = odoo
    if not imports(python, "odoo", tmp_path):
        # The situation of the report: probed without Odoo's folder, pytest-odoo seems missing.
        assert not imports(python, "pytest_odoo", tmp_path)
    crmvn.check_python(python, root)
    crmvn.check_test_tools(python, root)


def test_missing_odoo_said_in_one_sentence(odoo, tmp_path, capsys):
    python, __ = odoo
    with pytest.raises(SystemExit) as exit_:
        crmvn.check_python(python, tmp_path)
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert f"cannot run Odoo from {tmp_path}" in error
    assert "pip install -r" in error


def test_missing_browser_said(odoo, monkeypatch, capsys):
    python, root = odoo
    # Only Python's own folder on the PATH: no Chromium, no wkhtmltopdf.
    monkeypatch.setenv("PATH", str(Path(python).parent))
    with pytest.raises(SystemExit):
        crmvn.check_test_tools(python, root)
    error = capsys.readouterr().err
    assert "tests would be skipped" in error
    assert "Chromium for the browser tours (apt install chromium)" in error


def test_every_option_documented():
    """Each option of each command appears in README.md on a ``bin/crmvn <command>`` line."""
    parser = crmvn.build_parser()
    commands = next(action for action in parser._actions if action.dest == "command").choices
    undocumented = []
    for name, command in commands.items():
        for action in command._actions:
            for option in action.option_strings:
                documented = re.search(rf"bin/crmvn {name}\b[^\n]*{re.escape(option)}\b", README)
                if option.startswith("--") and option != "--help" and not documented:
                    undocumented.append(f"{name} {option}")
    assert not undocumented, f"options missing from README.md: {undocumented}"


def test_arguments_after_double_dash_reach_the_benchmark_and_pytest():
    """As the README writes them: the command's options may stand before ``--``."""
    args = crmvn.parse_args(["bench", "zalo", "--db", "crmvn_bench_zalo", "--", "--customers", "10000"])
    assert (args.name, args.db, args.bench_args) == ("zalo", "crmvn_bench_zalo", ["--customers", "10000"])
    args = crmvn.parse_args(["bench", "duplicates", "--", "--customers", "100000", "--skip-naive"])
    assert args.bench_args == ["--customers", "100000", "--skip-naive"]
    args = crmvn.parse_args(["test", "--modules", "sale,crm_vn_privacy", "--", "-k", "handover"])
    assert (args.modules, args.pytest_args) == ("sale,crm_vn_privacy", ["-k", "handover"])


def test_bench_all_runs_the_readme_commands():
    """``bench all`` runs each benchmark exactly as the README's performance table writes its command."""
    for name, db, bench_args in crmvn.ALL_BENCHMARKS:
        assert (crmvn.REPO / "tests" / "benchmarks" / f"bench_{name}.py").is_file()
        command = crmvn.bench_command(name, db, bench_args)
        assert f"`{command}`" in README, f"{command} is not in README.md's performance table"
        args = crmvn.parse_args(command.split()[1:])
        assert (args.name, args.db, args.bench_args) == (name, db, bench_args)
