# shellcheck shell=bash
# Building the vbench CLI jar from the checkout.

VBENCH_JAR=$VBENCH_REPO/bench/target/vbench.jar

# jar_stale: true when the jar is missing or older than a source file or a pom.xml.
jar_stale() {
    [[ -f $VBENCH_JAR ]] || return 0
    [[ -n $(find "$VBENCH_REPO"/*/src "$VBENCH_REPO"/pom.xml "$VBENCH_REPO"/*/pom.xml \
                 -newer "$VBENCH_JAR" -print -quit 2>/dev/null) ]]
}

# jar_ensure: (re)build bench/target/vbench.jar when it is stale.
jar_ensure() {
    jar_stale || return 0
    # the static checks belong to the tests (scripts/test), not to building the tool
    log "vbench: building $VBENCH_JAR (mvn -q -B -DskipTests package)"
    (cd "$VBENCH_REPO" && mvn -q -B -Dstyle.color=never -DskipTests -Dcheckstyle.skip -Dmdep.analyze.skip package) >&2 \
        || die 1 "building the jar failed (see the Maven output above)"
    [[ -f $VBENCH_JAR ]] || die 1 "the build did not produce $VBENCH_JAR"
}
