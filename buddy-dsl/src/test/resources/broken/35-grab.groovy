// expect-line: 3
// expect: annotations such as @Grab are not allowed
@Grab(group = "org.example", module = "evil", version = "1.0")
def x = 1
run pipeline 2 on branch "master"
