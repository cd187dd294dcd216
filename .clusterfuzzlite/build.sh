#!/bin/bash -eu
# ClusterFuzzLite: the project's own OSS-Fuzz build script.
"$SRC/slush-check/fuzz/build.sh"
