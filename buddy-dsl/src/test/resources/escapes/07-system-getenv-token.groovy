// technique: System.getenv("BUDDY_TOKEN") into a run comment
// expect-line: 4
// expect: 'System' is not available
def t = System.getenv("BUDDY_TOKEN")
run pipeline 2 on branch "master" comment t
