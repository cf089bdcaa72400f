package io.realmcrawl.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds the {@code login:} mapping to {@link LoginDetection}: {@code url} and {@code page}, both regexes. */
final class LoginBinder {
    static final List<String> KEYS = List.of("url", "page");

    private LoginBinder() {
    }

    static LoginDetection bind(Optional<Field> login) throws ConfigProblem {
        if (login.isEmpty()) {
            return LoginDetection.NONE;
        }
        Section section = login.get().section("'login'", KEYS);
        LoginDetection detection = LoginDetection.NONE;
        Optional<Field> url = section.optional("url");
        if (url.isPresent()) {
            detection = detection.withUrl(pattern(url.get()));
        }
        Optional<Field> page = section.optional("page");
        return page.isPresent() ? detection.withPage(pattern(page.get())) : detection;
    }

    private static Pattern pattern(Field field) throws ConfigProblem {
        String regex = field.text();
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw field.problem("holds a regular expression that does not compile: " + e.getDescription()
                    + " at index " + e.getIndex() + " of " + Field.quoted(regex));
        }
    }
}
