package org.baraza.programs.line;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Hangup;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.core.hub.CallDocument.Play;
import org.baraza.core.hub.CallDocument.Record;
import org.baraza.core.hub.CallDocument.Step;
import org.baraza.core.poll.PollOption;
import org.baraza.programs.line.Outcome.AsksToSpeak;
import org.baraza.programs.line.Outcome.MissedCall;
import org.baraza.programs.line.Outcome.Reply;
import org.baraza.programs.line.Outcome.Votes;

/**
 * A station's listener line: what a listener's call does next, one request at a time. A pure function of
 * the request, the station's {@link Air} and its {@link Settings}: no I/O, no clock, nothing kept between
 * requests (where the call is travels in the document's {@code bz_*} params, see {@link Place}). One per
 * station, immutable and safe to call from any thread.
 *
 * <p>The call, as a listener on a basic phone meets it:
 * <ol>
 * <li>With a ring time, a new call rings unanswered for that long ({@link Pause}); a caller who hangs up
 *     then has flashed the station and is called back ({@link MissedCall}). A call-back is answered at once
 *     and starts with "this is your radio station calling you back" (in the first language: the language
 *     menu that follows names them all).</li>
 * <li>A station with several languages asks for one ("For English, press 1. Kwa Kiswahili, bonyeza 2"); a
 *     caller who chooses none in {@link Settings#menuTries()} tries goes on in the first. These retries
 *     play no "not a choice": the caller's language is not known yet, and the menu itself names them.</li>
 * <li>The main menu: 1 listens live (muted in the air's conference; off air, the station's filler one file a
 *     request, so the caller joins the air as soon as it starts; with nothing at all, "off the air" and
 *     goodbye), 2 leaves a message (a beep, then at most {@link Settings#longestMessage()}), 3 asks to speak
 *     ({@link AsksToSpeak} when a live show takes callers, else the no-live-show menu). While a poll is open
 *     (with answers that have keys), the menu adds "to vote in today's poll, press 4".</li>
 * <li>4 reads the poll: "today's poll, press the key of your answer", then "answer one, press one" and so on
 *     for each answer with a key ({@link Ballot}). A key of an answer is a vote ({@link Votes}); the caller hears
 *     whether it counted ({@link #voted}) and the main menu again, without the poll they were read. A poll that
 *     closed meanwhile is "no poll open" and the main menu.</li>
 * <li>The no-live-show menu offers 2 (leave a message) and takes 1 (listen) too, the same keys as the main
 *     menu, so that a caller who would rather listen is not told their key is wrong.</li>
 * <li>A wrong key, or none before the timeout, hears "not a choice" and the same menu again; after the last
 *     try, "not a choice", goodbye, hang up (the caller hears why the line ends).</li>
 * <li>When the conference lets a caller go (an airing ended), a listener goes back to whatever is on air now;
 *     a caller who waited to speak hears goodbye.</li>
 * </ol>
 * Any document that plays something to a caller not yet answered answers first ({@link Answer}, never twice);
 * params the line never wrote (a tampered or stale {@code bz_*}) start the call afresh in the first language,
 * and never throw. The first document of a call sets {@code baraza_role=listener} on the caller's leg; the
 * station daemon adds {@code baraza_station}.
 */
public final class ListenerLine {

    /** How long a menu waits for a key once its prompts end. */
    public static final Duration MENU_TIMEOUT = Duration.ofSeconds(5);
    /** The param a menu's key comes back in. */
    public static final String KEY = "choice";
    /** The Record step's name: the recording is uploaded under it, and comes back as {@link Request#recording()}. */
    public static final String MESSAGE = "message";
    static final String MESSAGE_FILE = "message.wav";
    static final String BEEP = "tone_stream://%(500,0,800)";
    static final Map<String, String> VARIABLES = Map.of("baraza_role", "listener");

    private static final String MAIN_KEYS = "123";
    /** The main menu's key that reads the open poll. */
    private static final String VOTE_KEY = "4";
    private static final String NO_LIVE_SHOW_KEYS = "12";
    private static final Set<String> MUTE = Set.of("mute");
    private static final Hangup HANGUP = new Hangup("NORMAL_CLEARING");

    private final Settings settings;
    private final Prompts prompts;

    public ListenerLine(Settings settings, Prompts prompts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /** What the call does after {@code request}, with {@code air} on the station now. */
    public Outcome next(Request request, Air air) {
        Place place = Place.read(request.params(), settings);
        if (request.exiting()) {
            CallDocument over = new CallDocument(place.at(Phase.BYE).params(), Map.of(), List.of(HANGUP));
            return place.phase() == Phase.RING && !request.answered() ? new MissedCall(over) : new Reply(over);
        }
        String key = request.params().getOrDefault(KEY, "invalid");
        return switch (place.phase()) {
            case NEW -> new Reply(first(request, place, air));
            case RING -> new Reply(start(request, place, air));
            case LANGUAGE -> new Reply(languageChosen(request, place, key, air));
            case MAIN -> mainChosen(request, place, key, air);
            case VOTE -> voteChosen(request, place, key, air);
            case NO_LIVE_SHOW -> new Reply(switch (key) {
                case "1" -> listen(request, place, air);
                case "2" -> leaveMessage(request, place);
                default -> again(request, place, air);
            });
            case RECORD -> new Reply(request.recording().isPresent()
                    ? reply(request, place.at(Phase.BYE), play(place, LinePrompt.MESSAGE_SAVED, LinePrompt.GOODBYE), HANGUP)
                    : goodbye(request, place));
            case LISTEN, FILLER -> new Reply(listen(request, place, air));
            case QUEUED -> new Reply(goodbye(request, place));
            case BYE -> new Reply(reply(request, place, HANGUP));
        };
    }

    /** A caller who asked to speak waits in {@code conference}, muted, for the live show to put them on air. */
    public CallDocument waiting(Request request, String conference) {
        Place place = Place.read(request.params(), settings);
        return reply(request, place.at(Phase.QUEUED), play(place, LinePrompt.PLEASE_HOLD),
                new Join(conference, settings.profile(), MUTE));
    }

    /** A caller who asked to speak, with no live show to take them: they may leave a message instead. */
    public CallDocument noLiveShow(Request request) {
        Place place = Place.read(request.params(), settings).at(Phase.NO_LIVE_SHOW, 1);
        return reply(request, place, noLiveShowMenu(place));
    }

    /**
     * A caller's vote ({@link Votes}) and what came of it: they hear so, then the main menu, which no longer offers
     * the poll they were read.
     */
    public CallDocument voted(Request request, Vote vote, Air air) {
        Place place = Place.read(request.params(), settings).at(Phase.MAIN, 1);
        LinePrompt said = switch (vote) {
            case COUNTED -> LinePrompt.VOTE_COUNTED;
            case ALREADY_VOTED -> LinePrompt.ALREADY_VOTED;
            case CLOSED -> LinePrompt.NO_POLL;
            case NOT_COUNTED -> LinePrompt.VOTE_NOT_COUNTED;
        };
        return reply(request, place, play(place, said), mainMenu(place, air));
    }

    private CallDocument first(Request request, Place place, Air air) {
        CallDocument first = !settings.ring().isZero() && !request.answered() && !request.callBack()
                ? new CallDocument(place.at(Phase.RING).params(), Map.of(), List.of(new Pause(settings.ring())))
                : start(request, place, air);
        return new CallDocument(first.params(), VARIABLES, first.steps());
    }

    private CallDocument start(Request request, Place place, Air air) {
        List<Step> greeting = request.callBack() ? List.of(play(place, LinePrompt.CALLBACK_WELCOME)) : List.of();
        Phase menu = settings.languages().size() > 1 ? Phase.LANGUAGE : Phase.MAIN;
        return menu(request, place.at(menu, 1), air, greeting);
    }

    private CallDocument languageChosen(Request request, Place place, String key, Air air) {
        int chosen = key.length() == 1 ? languageKeys().indexOf(key) : -1;
        if (chosen >= 0) {
            return menu(request, place.in(settings.languages().get(chosen)).at(Phase.MAIN, 1), air, List.of());
        }
        if (place.tries() < settings.menuTries()) {
            return menu(request, place.at(Phase.LANGUAGE, place.tries() + 1), air, List.of());
        }
        return menu(request, place.in(settings.firstLanguage()).at(Phase.MAIN, 1), air, List.of());
    }

    private Outcome mainChosen(Request request, Place place, String key, Air air) {
        Optional<Ballot> offered = offered(place, air);
        if (key.equals(VOTE_KEY) && offered.isPresent()) {
            return new Reply(menu(request, place.at(Phase.VOTE, 1).polled(offered.get().poll()), air, List.of()));
        }
        return switch (key) {
            case "1" -> new Reply(listen(request, place, air));
            case "2" -> new Reply(leaveMessage(request, place));
            case "3" -> air.takesCallers() ? new AsksToSpeak() : new Reply(noLiveShow(request));
            default -> new Reply(again(request, place, air));
        };
    }

    /** A key after the poll was read: an answer's is a vote; the poll gone meanwhile sends the caller back to the menu. */
    private Outcome voteChosen(Request request, Place place, String key, Air air) {
        Optional<Ballot> ballot = Ballot.of(air).filter(open -> open.poll() == place.poll());
        if (ballot.isEmpty()) {
            return new Reply(voted(request, Vote.CLOSED, air));
        }
        Optional<PollOption> answer = ballot.get().answer(key);
        return answer.isPresent() ? new Votes(answer.get()) : new Reply(again(request, place, air));
    }

    /** The poll the main menu offers at {@code place}: the air's, unless the caller was read it already. */
    private static Optional<Ballot> offered(Place place, Air air) {
        return Ballot.of(air).filter(ballot -> ballot.poll() != place.poll());
    }

    /** A wrong key or none: the same menu again, or after the last try, goodbye. */
    private CallDocument again(Request request, Place place, Air air) {
        if (place.tries() < settings.menuTries()) {
            return menu(request, place.at(place.phase(), place.tries() + 1), air, List.of(play(place, LinePrompt.NOT_A_CHOICE)));
        }
        return reply(request, place.at(Phase.BYE), play(place, LinePrompt.NOT_A_CHOICE, LinePrompt.GOODBYE), HANGUP);
    }

    /** Listening: the air's conference, else the next filler file, else nothing to hear. */
    private CallDocument listen(Request request, Place place, Air air) {
        if (air.conference().isPresent()) {
            return reply(request, place.at(Phase.LISTEN), new Join(air.conference().get(), settings.profile(), MUTE));
        }
        List<String> filler = air.filler();
        if (!filler.isEmpty()) {
            int next = place.fill() % filler.size();
            return reply(request, place.at(Phase.FILLER).filled((next + 1) % filler.size()), new Play(List.of(filler.get(next))));
        }
        return reply(request, place.at(Phase.BYE), play(place, LinePrompt.OFF_AIR, LinePrompt.GOODBYE), HANGUP);
    }

    private CallDocument leaveMessage(Request request, Place place) {
        return reply(request, place.at(Phase.RECORD), play(place, LinePrompt.LEAVE_MESSAGE),
                new Record(MESSAGE_FILE, settings.longestMessage(), BEEP, MESSAGE));
    }

    private CallDocument goodbye(Request request, Place place) {
        return reply(request, place.at(Phase.BYE), play(place, LinePrompt.GOODBYE), HANGUP);
    }

    /** The menu of {@code place}'s phase, after {@code before}. */
    private CallDocument menu(Request request, Place place, Air air, List<Step> before) {
        Menu menu = switch (place.phase()) {
            case LANGUAGE -> new Menu(languageChoices(), languageKeys(), MENU_TIMEOUT, KEY);
            case MAIN -> mainMenu(place, air);
            case VOTE -> {
                Ballot ballot = Ballot.of(air).orElseThrow();
                String language = place.language();
                yield new Menu(ballot.read(prompt -> path(language, prompt), n -> prompts.number(language, n)), ballot.keys(),
                        MENU_TIMEOUT, KEY);
            }
            case NO_LIVE_SHOW -> noLiveShowMenu(place);
            default -> throw new IllegalArgumentException("no menu at " + place.phase());
        };
        List<Step> steps = new ArrayList<>(before);
        steps.add(menu);
        return reply(request, place, steps.toArray(Step[]::new));
    }

    /** Listen, leave a message, speak; and vote, while a poll the caller was not read yet is open. */
    private Menu mainMenu(Place place, Air air) {
        String welcome = path(place.language(), LinePrompt.WELCOME);
        return offered(place, air).isPresent()
                ? new Menu(List.of(welcome, path(place.language(), LinePrompt.POLL_OFFER)), MAIN_KEYS + VOTE_KEY, MENU_TIMEOUT, KEY)
                : new Menu(List.of(welcome), MAIN_KEYS, MENU_TIMEOUT, KEY);
    }

    private Menu noLiveShowMenu(Place place) {
        return new Menu(List.of(path(place.language(), LinePrompt.NO_LIVE_SHOW)), NO_LIVE_SHOW_KEYS, MENU_TIMEOUT, KEY);
    }

    /** Each language in its own words, followed by its key. */
    private List<String> languageChoices() {
        List<String> files = new ArrayList<>();
        List<String> languages = settings.languages();
        for (int i = 0; i < languages.size(); i++) {
            files.add(path(languages.get(i), LinePrompt.LANGUAGE_CHOICE));
            files.add(prompts.number(languages.get(i), languageKey(i)));
        }
        return files;
    }

    /** The keys of the languages in order: 1 to 9, then 0 for a tenth. */
    private String languageKeys() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < settings.languages().size(); i++) {
            keys.append(languageKey(i));
        }
        return keys.toString();
    }

    private static int languageKey(int index) {
        return (index + 1) % 10;
    }

    /** A document at {@code place}; a caller not answered yet is answered before hearing anything. */
    private static CallDocument reply(Request request, Place place, Step... steps) {
        List<Step> all = new ArrayList<>();
        boolean heard = List.of(steps).stream().anyMatch(step -> !(step instanceof Hangup || step instanceof Pause));
        if (heard && !request.answered()) {
            all.add(new Answer());
        }
        all.addAll(List.of(steps));
        return new CallDocument(place.params(), Map.of(), all);
    }

    private Play play(Place place, LinePrompt... names) {
        return new Play(List.of(names).stream().map(name -> path(place.language(), name)).toList());
    }

    private String path(String language, LinePrompt prompt) {
        return prompts.path(language, prompt.fileName());
    }
}
