// technique: a class loader
// expect-line: 5
// expect: not available
run pipeline 2 on branch "master" comment "before the escape"
def l = [].getClass().getClassLoader()
