"""Each add-on's README.rst is the one bin/crmvn readme generates from its readme/ fragments, and valid RST."""

import glob
import subprocess
import sys

import docutils.core

if subprocess.run([sys.executable, "bin/crmvn", "readme", "--check"], check=False).returncode:
    sys.exit(1)
for path in sorted(glob.glob("*/README.rst")):
    with open(path, encoding="utf-8") as readme:
        docutils.core.publish_string(
            readme.read(), writer_name="null", settings_overrides={"halt_level": 2, "report_level": 2}
        )
