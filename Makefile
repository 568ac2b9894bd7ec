# Makefile: the two commands of the README, and the steps they are made of.
#   make run    install what is missing, build, start Betrokken with demo data
#   make check  install what is missing, build, run every test and validator
# Works as root or with sudo; installing is skipped when nothing is missing.

BUILD      ?= build
ASAN_BUILD ?= build-asan
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian 12 packages: toolchain, libraries, validators, and what tests use
# (Xvfb, a session bus, poppler, the Dutch locale, sanitizer runtimes).
PACKAGES := build-essential meson ninja-build pkg-config gettext \
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libnotify-dev libcairo2-dev \
  libjson-glib-dev appstream appstream-util desktop-file-utils \
  xvfb xauth dbus-x11 dbus locales fonts-cantarell adwaita-icon-theme \
  flatpak-builder poppler-utils python3-dbusmock python3-icalendar clang libclang-rt-14-dev

.PHONY: run check deps locale build build-asan test bench clean

run: deps build
	$(BUILD)/src/betrokken --demo

check: deps build build-asan
	@bash tools/run-tests.sh $(BUILD) $(ASAN_BUILD)

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@$(MAKE) --no-print-directory locale

# Under LANG=nl_NL.UTF-8 the whole program speaks Dutch.
locale:
	@if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$$'; then \
	  $(SUDO) sed -i 's/^# *nl_NL.UTF-8/nl_NL.UTF-8/' /etc/locale.gen && $(SUDO) locale-gen >/dev/null; \
	fi

build:
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) --buildtype=debugoptimized
	@ninja -C $(BUILD)

# The core suite again, under AddressSanitizer and UndefinedBehaviorSanitizer.
build-asan:
	@[ -f $(ASAN_BUILD)/build.ninja ] || meson setup $(ASAN_BUILD) --buildtype=debug \
	  -Db_sanitize=address,undefined -Db_lundef=false
	@ninja -C $(ASAN_BUILD) core-tests

bench: deps build
	@GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$(BUILD)/data \
	  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- $(BUILD)/tests/bench/bk-bench

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
