// hamlab DSL start-up script: ./hamlab shell, ./hamlab run and the Jupyter kernel load it.
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import tech.tablesaw.api.Table;
import org.hamlab.dsl.*;
import org.hamlab.dsl.plot.Figure;
import static org.hamlab.dsl.Hamlab.*;
