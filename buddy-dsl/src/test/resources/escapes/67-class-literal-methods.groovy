// technique: reflection through a property of an allowed class literal (String.methods)
// expect-line: 5
// expect: 'methods' is not available
run pipeline 2 on branch "master" comment "before the escape"
def ms = String.methods
println ms[0].name
