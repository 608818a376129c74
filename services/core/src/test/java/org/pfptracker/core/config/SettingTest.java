package org.pfptracker.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every type reads its text, and a bad value is refused naming the key, its variable and the rule. */
class SettingTest {

    private static <T> T read(Setting<T> setting, String text) {
        return Settings.of(Map.of(setting.key(), text)).get(setting);
    }

    @Test
    void shouldReadEveryType() {
        assertThat(read(Setting.string("a.text", "doc"), " hello ")).isEqualTo("hello");
        assertThat(read(Setting.password("a.secret", "doc"), "s3cr3t")).isEqualTo("s3cr3t");
        assertThat(read(Setting.integer("a.int", "doc"), "-42")).isEqualTo(-42);
        assertThat(read(Setting.longInteger("a.long", "doc"), "5000000000")).isEqualTo(5_000_000_000L);
        assertThat(read(Setting.bool("a.flag", "doc"), "TRUE")).isTrue();
        assertThat(read(Setting.bool("a.flag", "doc"), "false")).isFalse();
        assertThat(read(Setting.duration("a.duration", "doc"), "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(read(Setting.duration("a.duration", "doc"), "365d")).isEqualTo(Duration.ofDays(365));
        assertThat(read(Setting.duration("a.duration", "doc"), "PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(read(Setting.path("a.path", "doc"), "/var/pfp")).isEqualTo(Path.of("/var/pfp"));
        assertThat(read(Setting.url("a.url", "doc"), "https://idp.example.org/realms/pfp"))
                .isEqualTo(URI.create("https://idp.example.org/realms/pfp"));
        assertThat(read(Setting.list("a.list", "doc"), "a, b,,c ")).containsExactly("a", "b", "c");
        assertThat(read(Setting.oneOf("a.unit", ChronoUnit.class, "doc"), "days")).isEqualTo(ChronoUnit.DAYS);
        Setting<String> level = Setting.define("a.level", SettingType.of("level", "LOW or HIGH",
                text -> List.of("LOW", "HIGH").contains(text) ? text : null, text -> text), "doc");
        String high = read(level, "HIGH");
        assertThat(high).isEqualTo("HIGH");
        assertThatThrownBy(() -> read(level, "MEDIUM")).hasMessageContaining("must be LOW or HIGH, was 'MEDIUM'");
    }

    @Test
    void shouldRefuseABadValueNamingTheKeyTheVariableAndWhatIsWrong() {
        assertThatThrownBy(() -> read(Setting.integer("tracker.http.port", "doc"), "eighty"))
                .isInstanceOf(ConfigurationException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Setting 'tracker.http.port' (environment PFP_TRACKER_HTTP_PORT) must be a whole number,"
                        + " was 'eighty'");
        assertThatThrownBy(() -> read(Setting.duration("x.timeout", "doc"), "5 minutes"))
                .hasMessageContaining("'x.timeout'").hasMessageContaining("PFP_X_TIMEOUT")
                .hasMessageContaining("a duration such as").hasMessageContaining("'5 minutes'");
        assertThatThrownBy(() -> read(Setting.bool("local.kafka.secured", "doc"), "yes"))
                .hasMessageContaining("must be true or false, was 'yes'");
        assertThatThrownBy(() -> read(Setting.url("access.issuer", "doc"), "idp.example.org"))
                .hasMessageContaining("PFP_ACCESS_ISSUER").hasMessageContaining("an absolute URL");
        assertThatThrownBy(() -> read(Setting.oneOf("a.unit", ChronoUnit.class, "doc"), "fortnights"))
                .hasMessageContaining("one of NANOS, MICROS");
        assertThatThrownBy(() -> read(Setting.integer("a.int", "doc"), "99999999999"))
                .hasMessageContaining("a whole number");
    }

    @Test
    void shouldApplyItsValidators() {
        Setting<Integer> port = Setting.integer("a.port", "doc").validatedBy(Validator.between(0, 65535));
        Setting<Duration> interval = Setting.duration("a.interval", "doc")
                .validatedBy(Validator.atLeast(Duration.ofMinutes(1)));
        Setting<String> mode = Setting.string("a.mode", "doc").validatedBy(Validator.oneOf("tokens", "off"));
        Setting<String> word = Setting.string("a.word", "doc")
                .validatedBy(Validator.matching(Pattern.compile("[a-z]+"), "lower-case letters"));
        Setting<Long> rate = Setting.longInteger("a.rate", "doc").validatedBy(Validator.atMost(10L)
                .and(Validator.atLeast(0L)));

        assertThat(read(port, "65535")).isEqualTo(65535);
        assertThatThrownBy(() -> read(port, "65536")).isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting 'a.port' (environment PFP_A_PORT) must be from 0 to 65535, was '65536'");
        assertThat(read(interval, "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> read(interval, "30s")).hasMessageContaining("must be at least 1m, was '30s'");
        assertThat(read(mode, "off")).isEqualTo("off");
        assertThatThrownBy(() -> read(mode, "none")).hasMessageContaining("must be one of tokens, off, was 'none'");
        assertThatThrownBy(() -> read(word, "Word")).hasMessageContaining("must be lower-case letters");
        assertThatThrownBy(() -> read(rate, "-1")).hasMessageContaining("at most 10 and at least 0");
        assertThat(port.describe()).isEqualTo("int, from 0 to 65535");
    }

    @Test
    void shouldRefuseADefaultThatBreaksItsOwnRule() {
        assertThatThrownBy(() -> Setting.integer("a.port", "doc").validatedBy(Validator.atLeast(1)).withDefault(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.port");
    }

    @Test
    void shouldTellRequiredOptionalAndDefaultedApart() {
        Setting<String> required = Setting.string("a.required", "doc");

        assertThat(required.required()).isTrue();
        assertThat(required.optional().required()).isFalse();
        assertThat(required.optional().defaultValue()).isEmpty();
        assertThat(required.withDefault("x").required()).isFalse();
        assertThat(required.withDefault("x").defaultValue()).contains("x");
    }

    @Test
    void shouldHideSecretsEvenInItsRefusals() {
        Setting<String> secret = Setting.password("tracker.peer.secret", "doc")
                .validatedBy(Validator.of("16 characters or more", text -> text.length() >= 16));

        assertThat(secret.secret()).isTrue();
        assertThat(Setting.string("tracker.http.host", "doc").secret()).isFalse();
        assertThatThrownBy(() -> read(secret, "short"))
                .hasMessageContaining("tracker.peer.secret").hasMessageNotContaining("short")
                .hasMessageContaining("was (hidden)");
    }

    @Test
    void shouldDeclareAFamilyOnceAndReadItUnderEachPrefix() {
        Setting<Duration> idle = Setting.duration("idle.timeout", "doc").withDefault(Duration.ofSeconds(30));
        Settings settings = Settings.of(Map.of("tracker.http.idle.timeout", "5s"));

        assertThat(idle.under("tracker.http.").key()).isEqualTo("tracker.http.idle.timeout");
        assertThat(idle.under("tracker.http.").environmentVariable()).isEqualTo("PFP_TRACKER_HTTP_IDLE_TIMEOUT");
        assertThat(settings.get(idle.under("tracker.http."))).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.get(idle.under("gateway.http."))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldWriteDurationsInTheirLargestExactUnit() {
        assertThat(DurationText.format(Duration.ofDays(365))).isEqualTo("365d");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ofMillis(50))).isEqualTo("50ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.parse(DurationText.format(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(10));
    }
}
