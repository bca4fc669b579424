@testable import PythonSyntax
import Testing

/// Features newer than the CPython on these machines (3.11), checked against hand-written dumps
/// in the format of the release that introduced them.
@Suite struct NewerGrammarTests {
    func dump(_ source: String, _ version: PythonVersion, attributes: Bool = true) throws -> String {
        try PythonParsing.withModule(Array(source.utf8), version: version) {
            ASTDump.dump($0.module, version: version, includeAttributes: attributes)
        }
    }

    @Test func typeAliasIn312() throws {
        #expect(try dump("type X = int", .v3_12) == "Module(body=[TypeAlias(name=Name(id='X', ctx=Store(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), type_params=[], value=Name(id='int', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[])")
    }

    @Test func typeParametersIn312() throws {
        #expect(try dump("def f[T: int, *Ts, **P](x: T) -> T: pass", .v3_12) == "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='x', annotation=Name(id='T', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), lineno=1, col_offset=24, end_lineno=1, end_col_offset=28)], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=1, col_offset=36, end_lineno=1, end_col_offset=40)], decorator_list=[], returns=Name(id='T', ctx=Load(), lineno=1, col_offset=33, end_lineno=1, end_col_offset=34), type_params=[TypeVar(name='T', bound=Name(id='int', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), lineno=1, col_offset=6, end_lineno=1, end_col_offset=12), TypeVarTuple(name='Ts', lineno=1, col_offset=14, end_lineno=1, end_col_offset=17), ParamSpec(name='P', lineno=1, col_offset=19, end_lineno=1, end_col_offset=22)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=40)], type_ignores=[])")
        #expect(try dump("class C[T]: pass", .v3_12) == "Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass(lineno=1, col_offset=12, end_lineno=1, end_col_offset=16)], decorator_list=[], type_params=[TypeVar(name='T', lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])")
    }

    @Test func typeParameterDefaultsIn313() throws {
        // 3.13's dump leaves out empty lists.
        #expect(try dump("type A[T = int] = list[T]", .v3_13) == "Module(body=[TypeAlias(name=Name(id='A', ctx=Store(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), type_params=[TypeVar(name='T', default_value=Name(id='int', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=14), lineno=1, col_offset=7, end_lineno=1, end_col_offset=14)], value=Subscript(value=Name(id='list', ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=22), slice=Name(id='T', ctx=Load(), lineno=1, col_offset=23, end_lineno=1, end_col_offset=24), ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=25), lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)])")
        #expect(throws: PythonSyntaxError.self) { try dump("type A[T = int] = list[T]", .v3_12) }
    }

    @Test func exceptWithoutBracketsIn314() throws {
        let source = "try:\n    pass\nexcept A, B:\n    pass\n"
        #expect(try dump(source, .v3_14) == "Module(body=[Try(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), Name(id='B', ctx=Load(), lineno=3, col_offset=10, end_lineno=3, end_col_offset=11)], ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=11), body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)])")
        #expect(throws: PythonSyntaxError.self) { try dump(source, .v3_13) }
        #expect(throws: PythonSyntaxError.self) { try dump("try:\n    pass\nexcept A, B as e:\n    pass\n", .v3_14) }
    }

    @Test func templateStringsIn314() throws {
        #expect(try dump("t'a{b!r:>4}'", .v3_14, attributes: false) == "Module(body=[Expr(value=TemplateStr(values=[Constant(value='a'), Interpolation(value=Name(id='b', ctx=Load()), str='b', conversion=114, format_spec=JoinedStr(values=[Constant(value='>4')]))]))])")
        #expect(throws: PythonSyntaxError.self) { try dump("t'a'", .v3_13) }
        #expect(throws: PythonSyntaxError.self) { try dump("t'a' 'b'", .v3_14) }
    }

    @Test func fStringsNestedAsPEP701Allows() throws {
        #expect(try dump("f\"{\"a\"}\"", .v3_12, attributes: false) == "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='a'), conversion=-1)]))], type_ignores=[])")
        #expect(try dump("f'{f'{x}'}'", .v3_12, attributes: false) == "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))], type_ignores=[])")
    }

    @Test func emptyListsOmittedFrom313() {
        #expect(ASTDump.omittingEmptyLists("Call(func=Name(id='f'), args=[], keywords=[])") == "Call(func=Name(id='f'))")
        #expect(ASTDump.omittingEmptyLists("Constant(value='x=[], y=[]')") == "Constant(value='x=[], y=[]')")
        #expect(ASTDump.omittingEmptyLists("arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[])") == "arguments(args=[arg(arg='a')])")
    }
}
