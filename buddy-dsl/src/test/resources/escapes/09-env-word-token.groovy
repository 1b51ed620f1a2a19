// technique: the DSL's own env("BUDDY_TOKEN") word into a run comment
// expect-line: 4
// expect: not available to scripts: the token stays inside the client
run pipeline 2 on branch "master" comment env("BUDDY_TOKEN")
