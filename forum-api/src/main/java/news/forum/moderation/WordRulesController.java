package news.forum.moderation;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class WordRulesController implements WordRuleOperations {

    private final WordRules rules;
    private final CurrentRequest current;

    WordRulesController(WordRules rules, CurrentRequest current) {
        this.rules = rules;
        this.current = current;
    }

    @Override
    public WordRulesView wordRules() {
        return rules.get(current.authentication());
    }

    @Override
    public WordRulesView replaceWordRules(WordRulesRequest request) {
        return rules.replace(current.authentication(), request);
    }
}
