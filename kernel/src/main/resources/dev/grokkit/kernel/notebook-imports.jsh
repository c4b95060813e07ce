// The imports every grokkit notebook starts with: the kernel runs this file at start-up, and
// environment/jshell passes it to jshell, so notebooks and scripts see the same names.
import dev.grokkit.data.*;
import dev.grokkit.model.*;
import dev.grokkit.optim.*;
import dev.grokkit.train.*;
import dev.grokkit.probe.*;
import dev.grokkit.hessian.*;
import dev.grokkit.info.*;
import dev.grokkit.viz.*;
import dev.grokkit.analysis.*;
import dev.grokkit.engine.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
