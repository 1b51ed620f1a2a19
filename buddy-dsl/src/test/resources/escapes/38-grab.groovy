// technique: @Grab fetches and loads code while compiling
// expect-line: 4
// expect: annotations such as @Grab are not allowed
@Grab("commons-io:commons-io:2.11.0")
def x = 1
run pipeline 2 on branch "master" comment "before the escape"
