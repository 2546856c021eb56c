# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
# Material prints a long end-of-life banner on every build; keep build output to our own warnings.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve build offline images test test-fast lint bench bench-preview bench-html bench-stock audit \
	clean import-annotations screenshots

# The stamp files make set-up run once, and again whenever a requirements file changes.
$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# SERVE_ARGS passes options through, e.g. make serve SERVE_ARGS='--dev-addr 0.0.0.0:8000'.
# --dirty: after an edit only the pages whose seeds changed are rendered again.
serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve --dirty $(SERVE_ARGS)

build: $(VENV)/.runtime
	$(BIN)/mkdocs build --strict

# A copy that works from file://, search included: zip site-offline/ and hand it over.
offline: $(VENV)/.runtime
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline

# Archive every remote image the seeds show into <seeds>/_media/ (content-addressed, with
# manifest.json). IMAGES_ARGS passes options through, e.g. IMAGES_ARGS='--retries 0'.
ARCHIVE_SEEDS_DIR ?= seeds
images: $(VENV)/.runtime
	PYTHONPATH=hooks $(BIN)/python -m clippings.media "$(ARCHIVE_SEEDS_DIR)" $(IMAGES_ARGS)

# Build from N synthetic seeds and print measurements: make bench N=1000 (Chromium for the
# search checks); make bench-preview N=1000 measures live preview.
N ?= 1000
bench: $(VENV)/.dev
	$(BIN)/python bench/run.py $(N)

bench-preview: $(VENV)/.dev
	$(BIN)/python bench/live_preview.py $(N)

# The archive beside stock MkDocs + Material on the same N seeds, alternated, two rounds:
# make bench-stock N=1200.
bench-stock: $(VENV)/.dev
	$(BIN)/python bench/side_by_side.py $(N)

# Conversion time per HTML capture (saved pages of 50–300 KB): make bench-html N=1000.
bench-html: $(VENV)/.dev
	$(BIN)/python bench/html_pages.py $(N) --build

# Lighthouse (npm) in Debian's Chromium on the home page and an article; medians of 3 runs.
LIGHTHOUSE := .audit/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --silent --no-audit --no-fund --prefix .audit lighthouse@13.5.0

audit: $(VENV)/.runtime $(LIGHTHOUSE)
	$(BIN)/python audit/lighthouse.py $(LIGHTHOUSE)

# The README's screenshots (screenshots/), from the browser tests at 1280 and 390 px.
screenshots: $(VENV)/.dev
	$(BIN)/python audit/readme_screenshots.py

# Merge a W3C Web Annotation file into the sidecars: make import-annotations FILE=notes.json
# (add SITE_URL=https://… when the notes were made on the published site).
import-annotations: $(VENV)/.runtime
	test -n "$(FILE)" || (echo "usage: make import-annotations FILE=annotations.json" && false)
	cd hooks && ../$(BIN)/python -m clippings.import_annotations "$(abspath $(FILE))"

lint: $(VENV)/.dev
	$(BIN)/ruff check hooks tests bench audit
	$(BIN)/ruff format --check hooks tests bench audit
	$(BIN)/mypy

test: $(VENV)/.dev lint
	$(BIN)/python -m pytest

# The edit-test loop: every test that builds no site, starts no server and drives no
# browser (under 30 s). Such a test that lacks its mark fails here instead of being slow.
FAST_TIER := not site and not server and not browser and not bench
test-fast: $(VENV)/.dev
	ARCHIVE_TEST_TIER=fast $(BIN)/python -m pytest -m "$(FAST_TIER)"

clean:
	rm -rf site site-offline .audit $(VENV)
