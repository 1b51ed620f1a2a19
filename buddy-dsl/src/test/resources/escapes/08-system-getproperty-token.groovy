// technique: System.getProperty into a run comment
// expect-line: 4
// expect: 'System' is not available
def t = System.getProperty("buddy4j.fake.token")
run pipeline 2 on branch "master" comment t
