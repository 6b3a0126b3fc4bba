# Two commands do everything on a fresh Debian machine:
#   make report   installs what is missing, builds a release binary, writes the brief and CSVs into Output/
#   make test     installs the test tools too, and runs the tests
SWIFT ?= swift
# libqpdf-dev: the PDF finishing step (Sources/CPDFFinish); icc-profiles-free: the sRGB profile of
# the PDF/A output intent (/usr/share/color/icc/sRGB.icc).
RUNTIME_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libharfbuzz-dev libfreetype-dev zlib1g-dev fonts-noto-cjk fonts-dejavu-core \
  libqpdf-dev icc-profiles-free
# python3-venv: the checkers' virtual environment (below); mupdf-tools: mutool, text as MuPDF reads it.
TEST_PACKAGES := poppler-utils qpdf mupdf-tools python3 python3-venv
# The checkers an assistive reader or an archive would trust (PyPI), in a virtual environment under .build/.
VENV := .build/venv
CHECKERS := page-validation outloud pdfminer.six openpyxl
BENCH_PACKAGES := hyperfine time valgrind
REPORT := .build/release/report

# Installs the Debian packages given that are not installed yet (with sudo when not root).
define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

.PHONY: report test deps test-deps checkers release bench check-spreadsheet fuzz clean

FUZZ_RUNS ?= 200000

report: deps release
	$(REPORT) pdf --cities all
	$(REPORT) csv --cities all

release: deps
	$(SWIFT) build -c release --product report

test: deps test-deps checkers
	$(SWIFT) test

deps:
	$(call ensure_packages,$(RUNTIME_PACKAGES))

test-deps:
	$(call ensure_packages,$(TEST_PACKAGES))

# Makes the virtual environment and installs the checkers when one is missing (the tests fail,
# not skip, without them).
checkers: test-deps
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	@$(VENV)/bin/python -c "import page, pdfminer, openpyxl" 2>/dev/null && [ -x $(VENV)/bin/outloud ] || \
	  $(VENV)/bin/python -m pip install -q $(CHECKERS)

# Times report pdf against the Typst peer on the same inputs (see BENCHMARKS.md).
bench: deps test-deps release
	$(call ensure_packages,$(BENCH_PACKAGES))
	bench/run

# Opens the CSV files in LibreOffice as a real spreadsheet client would (slow: not part of make test).
check-spreadsheet: report
	$(call ensure_packages,libreoffice-calc-nogui)
	Tests/Scripts/check-spreadsheet

# Runs libFuzzer on the importer, seeded with both summit files and the bad-input fixtures.
# A crashing input is written to ./crash-*; keep it in Tests/Fixtures/fuzz/ as a regression.
fuzz: deps
	$(SWIFT) build -c release --product ImporterFuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	mkdir -p fuzz-corpus
	.build/release/ImporterFuzz -runs=$(FUZZ_RUNS) -max_len=65536 -timeout=10 -print_final_stats=1 \
	  fuzz-corpus Data Tests/Fixtures Tests/Fixtures/bad Tests/Fixtures/fuzz

clean:
	rm -rf .build Output/*.pdf Output/*.csv
