package news.forum.support;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class compares the whole database before and after a request (a refusal stored nothing anywhere), or
 * changes what every other test depends on (the word rules, every pooled connection): no other class that uses the
 * database runs meanwhile. Classes without it share the database and run side by side.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(value = WholeDatabase.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface WholeDatabase {

    String LOCK = "forum-database";
}
