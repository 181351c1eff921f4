package news.forum.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import news.forum.live.LiveHub;

/**
 * The live event streams this instance holds open now. The hub is looked up when the gauge is read: the registry is
 * made before the pool (whose meters it carries), so it must not wait for beans that need the pool.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class LiveGauges implements MeterBinder {

    private final BeanProvider<LiveHub> hub;

    LiveGauges(BeanProvider<LiveHub> hub) {
        this.hub = hub;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("forum.event.streams.open", () -> hub.get().openStreams())
                .description("Live event streams (GET /api/v1/threads/{id}/events) open on this instance")
                .register(registry);
    }
}
