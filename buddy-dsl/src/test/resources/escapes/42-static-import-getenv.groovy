// technique: a static import of System.getenv
// expect-line: 4
// expect: imports are not allowed
import static java.lang.System.getenv
run pipeline 2 on branch "master" comment getenv("BUDDY_TOKEN")
