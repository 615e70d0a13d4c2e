package org.hamlab.engine.system.formula;

import java.util.Arrays;
import java.util.List;

/** The elementary functions a formula may call, with their scalar implementation. */
enum Function {
  SIN("sin", "sin"),
  COS("cos", "cos"),
  TAN("tan", "tan"),
  EXP("exp", "exp"),
  LOG("log", "log"),
  SQRT("sqrt", "sqrt"),
  TANH("tanh", "tanh"),
  SINH("sinh", "sinh"),
  COSH("cosh", "cosh");

  private final String symbol;
  private final String mathMethod;

  Function(String symbol, String mathMethod) {
    this.symbol = symbol;
    this.mathMethod = mathMethod;
  }

  /** Name in formulas, e.g. {@code "sin"}. */
  String symbol() {
    return symbol;
  }

  /** Name of the static {@code double -> double} method of {@link Math} that evaluates it. */
  String mathMethod() {
    return mathMethod;
  }

  double apply(double x) {
    return switch (this) {
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TAN -> Math.tan(x);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case TANH -> Math.tanh(x);
      case SINH -> Math.sinh(x);
      case COSH -> Math.cosh(x);
    };
  }

  static Function bySymbol(String symbol) {
    for (Function f : values()) if (f.symbol.equals(symbol)) return f;
    return null;
  }

  static List<String> symbols() {
    return Arrays.stream(values()).map(Function::symbol).toList();
  }
}
