// technique: env() on another of the client's BUDDY_ variables
// expect-line: 4
// expect: not available to scripts
def t = env("BUDDY_CLIENT_SECRET")
run pipeline 2 on branch "master" comment t
