// expect-line: 5
// expect: unknown word 'stauts' in a run's result | did you mean 'status'?
def r = run pipeline 2 on branch "master"
r.waitUntilFinished()
println r.stauts
