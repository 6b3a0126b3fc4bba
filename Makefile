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
# make install: the binary, data, styles, man page and completions under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
DESTDIR ?=
# What install-files copies: a built binary and a generated man page (make install makes both).
BINARY ?= $(REPORT)
MANPAGE ?= .build/plugins/GenerateManual/outputs/report/report.1
# The man page tests generate with argument-parser's generator; man-db reads it back.
CLI_TEST_PACKAGES := man-db
# libxlsxwriter-dev: the workbook of report xlsx (Sources/CXLSXWriter).
RUNTIME_PACKAGES += libxlsxwriter-dev

# Installs the Debian packages given that are not installed yet (with sudo when not root).
define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

.PHONY: report test test-fast deps test-deps checkers release bench check-spreadsheet fuzz clean install install-files uninstall manual manual-tool

FUZZ_RUNS ?= 200000

report: deps release
	$(REPORT) pdf --cities all
	$(REPORT) csv --cities all
	$(REPORT) xlsx --cities all

release: deps
	$(SWIFT) build -c release --product report

test: deps test-deps checkers manual-tool
	$(SWIFT) test

# The fast tier while working: every test but those tagged slow (timing growth, kill and
# signal runs, the PDF checkers on five briefs). `make test` and CI run them all.
test-fast: deps test-deps checkers manual-tool
	REPORT_FAST_TESTS=1 $(SWIFT) test

# The man page, from the command definitions (argument-parser's generate-manual plugin; offline).
# SOURCE_DATE_EPOCH, when set, dates it, so the same sources give the same page.
manual: release
	$(SWIFT) package generate-manual --configuration release \
	  $$( [ -n "$$SOURCE_DATE_EPOCH" ] && echo --date $$(date -u -d @$$SOURCE_DATE_EPOCH +%Y-%m-%d) )

# Builds argument-parser's manual generator (the install tests run it on the debug binary) and
# installs man-db, which reads the page back.
manual-tool:
	$(call ensure_packages,$(CLI_TEST_PACKAGES))
	$(SWIFT) package generate-manual --configuration debug >/dev/null

install: release manual
	$(MAKE) install-files

# Copies what install needs; builds nothing (the tests call it with BINARY= and MANPAGE=).
# The data holds the curated YAML and the 2021 summit (with its translation), so that
# `report pdf` works out of the box; the styles are all of Styles/.
install-files:
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/report/Data" "$(DESTDIR)$(PREFIX)/share/report/Styles" \
	  "$(DESTDIR)$(PREFIX)/share/man/man1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 "$(BINARY)" "$(DESTDIR)$(PREFIX)/bin/report"
	install -m 0644 Data/places.yaml Data/roles.yaml Data/themes.yaml Data/summit-2021-03-23.txt Data/summit-2021-03-23.en.yaml \
	  "$(DESTDIR)$(PREFIX)/share/report/Data/"
	install -m 0644 Styles/*.yaml "$(DESTDIR)$(PREFIX)/share/report/Styles/"
	install -m 0644 "$(MANPAGE)" "$(DESTDIR)$(PREFIX)/share/man/man1/report.1"
	"$(BINARY)" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/report"
	"$(BINARY)" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_report"
	"$(BINARY)" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/report.fish"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/report" "$(DESTDIR)$(PREFIX)/share/man/man1/report.1" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/report" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_report" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/report.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/report"

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

# Opens the CSV files and the workbook in LibreOffice as a real spreadsheet client would (slow: not part of make test).
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
	rm -rf .build Output/*.pdf Output/*.csv Output/*.xlsx
